from editor.core.safety.textdiff import Row, side_by_side, unified_diff


def test_unified_diff() -> None:
    assert unified_diff("a\nb\n", "a\nb\n") == ""
    out = unified_diff("a\nb\n", "a\nc\n", "old", "new")
    assert out == "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"


def test_unified_diff_missing_newline() -> None:
    assert unified_diff("a", "b").endswith("+b\n\\ No newline at end of file\n")


def test_side_by_side_rows() -> None:
    rows = side_by_side("a\nb\nc\n", "a\nB\nc\nd\n")
    assert rows == [
        Row("same", 1, "a", 1, "a"),
        Row("changed", 2, "b", 2, "B"),
        Row("same", 3, "c", 3, "c"),
        Row("added", None, None, 4, "d"),
    ]
    assert side_by_side("x\n", "")[0] == Row("removed", 1, "x", None, None)
