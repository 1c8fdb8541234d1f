"""A post opened on its own, outside any Jekyll site: the window without the site's features.

The desktop offers Byline for every `.md` file. Such a file still gets the form (from its
front matter), the editor, the preview, Save, the journal and history; what needs a site
is off: the post list, new posts and drafts, Publish, Rename, and attaching a header image
(it would create `assets/images/` beside the file).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

NOTICE = (
    "Opened on its own: no Jekyll site holds this file, so the post list, new posts, "
    "publishing and header images are off (File > Open Site… opens a site)."
)


def apply(window: MainWindow) -> None:
    """Switch the site's features off for a lone post, back on for a site."""
    lone = window.site.lone
    a = window.actions
    site_only = [a.new_post, a.new_draft, a.rename, a.show_list, a.go_filter]
    others = ("preview_site", "find_all", "manage_terms")
    site_only += [getattr(a, n) for n in others if hasattr(a, n)]
    for action in site_only:
        action.setEnabled(not lone)
    if lone:
        a.publish.setEnabled(False)
        # in a site, Publish… and Sync are the git watch's to enable (off while it looks):
        # turned on here they showed enabled in the first frame, then greyed out
        a.publish_site.setEnabled(False)
        a.sync.setEnabled(False)
    window.post_list.setVisible(not lone and a.show_list.isChecked())
    window.form.image.setEnabled(not lone)
    if lone:
        window.status.showMessage(NOTICE, 20000)
