"""Writes every-output.ipynb: a notebook with each cell and output type the `notebook`
report kind renders (ours, made for ReportKit's tests; run with the pages venv's python)."""
import base64, json, struct, zlib

def png(width, height, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><title>a bar</title><rect width="90" height="20" y="10" fill="#3b78c4"/></svg>'
cells = [
    {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": [
        "# Weekly enrolment\n", "\n",
        "A paragraph with *emphasis*, **strong** text, `code`, a [link](https://example.org/enrolment) ",
        "and a [bad link](javascript:alert(1)) that stays text. Raw <img src=x onerror=alert(1)> is shown as text.\n", "\n",
        "## Lists\n", "\n", "- first site\n", "- second *site*\n", "\n", "1. one\n", "2. two\n", "\n",
        "```python\nprint('</script><script>alert(1)</script>')\n```\n", "\n",
        "| site | visits |\n", "| --- | ---: |\n", "| Tromsø | 12 |\n", "| São Paulo | 9 |\n"]},
    {"cell_type": "code", "execution_count": 1, "id": "streams", "metadata": {}, "source": "import sys\nprint('hello')\nprint('careful', file=sys.stderr)",
     "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hello\n"]},
                 {"output_type": "stream", "name": "stderr", "text": "careful\n"}]},
    {"cell_type": "code", "execution_count": 2, "id": "result", "metadata": {}, "source": "21 * 2",
     "outputs": [{"output_type": "execute_result", "execution_count": 2, "data": {"text/plain": ["42"]}, "metadata": {}}]},
    {"cell_type": "code", "execution_count": 3, "id": "png", "metadata": {}, "source": "show_png()",
     "outputs": [{"output_type": "display_data", "data": {"image/png": base64.b64encode(png(40, 20, (46, 139, 87))).decode() + "\n", "text/plain": ["<Figure>"]}, "metadata": {}}]},
    {"cell_type": "code", "execution_count": 4, "id": "svg", "metadata": {}, "source": "show_svg()",
     "outputs": [{"output_type": "display_data", "data": {"image/svg+xml": [svg], "text/plain": ["<SVG>"]}, "metadata": {}}]},
    {"cell_type": "code", "execution_count": 5, "id": "html", "metadata": {}, "source": "frame",
     "outputs": [{"output_type": "execute_result", "execution_count": 5, "metadata": {}, "data": {
         "text/html": ["<table><tr><th>value</th></tr><tr><td>&lt;img src=x onerror=alert(1)&gt;</td></tr>",
                       "<tr><td><img src=x onerror=alert(1)></td></tr><tr><td><script>alert(1)</script>ran</td></tr></table>"],
         "text/plain": ["  value\n0 <img>"]}}]},
    {"cell_type": "code", "execution_count": 6, "id": "error", "metadata": {}, "source": "1 / 0",
     "outputs": [{"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero",
                  "traceback": ["\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
                                "\u001b[0;31mZeroDivisionError\u001b[0m                         Traceback (most recent call last)",
                                "Cell \u001b[0;32mIn[6], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m \u001b[38;5;241m1\u001b[39m \u001b[38;5;241m/\u001b[39m \u001b[38;5;241m0\u001b[39m",
                                "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero"]}]},
    {"cell_type": "raw", "id": "raw", "metadata": {}, "source": "raw text <b>not bold</b>"},
]
notebook = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}, "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
with open("every-output.ipynb", "w", encoding="utf-8") as out:
    json.dump(notebook, out, indent=1, ensure_ascii=False)
    out.write("\n")
