"""Lining up the label columns of several form layouts (group boxes in one dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def align_label_columns(dialog: QWidget) -> None:
    """Give every QFormLayout in `dialog` the same label width, so that fields in
    different groups start at the same x."""
    forms = dialog.findChildren(QFormLayout)
    labels: list[QLabel] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                labels.append(widget)
    if not labels:
        return
    width = max(label.sizeHint().width() for label in labels)
    for label in labels:
        label.setMinimumWidth(width)
    for form in forms:
        form.setLabelAlignment(form.labelAlignment())  # relayout with the new widths
        form.invalidate()
