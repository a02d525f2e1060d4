"""Printable kit sheets: one-page PDFs written directly, so no font or PDF library is needed.

The PDF uses the standard Helvetica fonts with the WinAnsi encoding, which covers French.
"""

import io
import textwrap

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4, in points
MARGIN = 56


def _pdf_text(text):
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252", errors="replace")


def render_pdf(title, sections):
    """A one-page PDF: a title, then (heading, lines) sections."""
    stream = io.BytesIO()
    y = PAGE_HEIGHT - MARGIN

    def line(text, font, size, gap):
        nonlocal y
        y -= gap
        stream.write(b"BT /%s %d Tf %d %d Td (" % (font, size, MARGIN, y))
        stream.write(_pdf_text(text))
        stream.write(b") Tj ET\n")

    for part in textwrap.wrap(title, 48):
        line(part, b"F2", 20, 26)
    for heading, lines in sections:
        line(heading, b"F2", 13, 34)
        for text in lines:
            for index, part in enumerate(textwrap.wrap(text, 88)):
                line(("- " if index == 0 else "  ") + part, b"F1", 11, 17)

    content = stream.getvalue()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        % (PAGE_WIDTH, PAGE_HEIGHT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Title (" + _pdf_text(title) + b") /Lang (fr-FR) >>",
    ]
    pdf = io.BytesIO()
    pdf.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(pdf.tell())
        pdf.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = pdf.tell()
    pdf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        pdf.write(b"%010d 00000 n \n" % offset)
    pdf.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return pdf.getvalue()


def ensure_document(ref):
    """The document of ``ref`` (a ``spec.DocumentRef``), created or brought up to date."""
    Document = get_document_model()
    data = render_pdf(ref.title, ref.sections)
    digest = hash_filelike(io.BytesIO(data))
    document = Document.objects.filter(title=ref.title).first()
    if document is not None and document.file_hash == digest:
        return document, False
    if document is None:
        document = Document(title=ref.title)
    document.file = ContentFile(data, name=ref.filename)
    document.file_size = len(data)
    document.file_hash = digest
    document.save()
    return document, True
