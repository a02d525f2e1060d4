"""A kit as a tagged PDF, made from the kit page's own content in the page's language, in the
site's typeface and with its wordmark; its headings give the PDF's bookmarks."""

from django.template.loader import render_to_string

from home.pdf import tagged_pdf


def kit_pdf(page, request):
    return tagged_pdf(
        render_to_string("communities/kit_pdf.html", {"page": page}, request=request)
    )
