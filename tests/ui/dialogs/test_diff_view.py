from pytestqt.qtbot import QtBot

from editor.ui.dialogs.diff_view import DiffDialog, DiffView


def test_side_by_side_table(qtbot: QtBot) -> None:
    view = DiffView()
    qtbot.add_widget(view)
    view.set_texts("a\nb\n", "a\nc\nd\n")
    table = view.table
    assert table.rowCount() == 3
    cells = [[table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert cells == [["1", "a", "1", "a"], ["2", "b", "2", "c"], ["", "", "3", "d"]]
    assert view.summary.text() == "2 lines differ."
    view.set_texts("same\n", "same\n")
    assert view.summary.text() == "The two versions are identical."


def test_dialog(qtbot: QtBot) -> None:
    dialog = DiffDialog("x\n", "y\n", title="Compare", note="A note")
    qtbot.add_widget(dialog)
    assert dialog.view.table.rowCount() == 1
    assert dialog.windowTitle() == "Compare"
