from django import template
from django.utils.translation import get_language

from ..cache import fragment

register = template.Library()


@register.tag
def keptwithpages(parser, token):
    """{% keptwithpages "name" part… %}…{% endkeptwithpages %}: the enclosed markup, rendered
    once per name, parts and language and kept with the pages (see `cache.fragment`). It must
    depend on nothing else: places left, which registrations change, never go inside."""
    name, *parts = token.split_contents()[1:]
    nodelist = parser.parse(("endkeptwithpages",))
    parser.delete_first_token()
    return KeptWithPagesNode(
        nodelist, parser.compile_filter(name), [parser.compile_filter(part) for part in parts]
    )


class KeptWithPagesNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        return fragment(
            context.get("request"),
            self.name.resolve(context),
            lambda: self.nodelist.render(context),
            *(part.resolve(context) for part in self.parts),
            get_language(),
        )
