"""Demo content for the Volontaires de Paris site, built by ``manage.py load_demo_content``.

The content is data, in ``data/*.yaml``: each entry names the seed documents its facts come
from (``data/sources.yaml``). ``loader`` reads it into specs, ``builder`` saves them as pages,
snippets and settings, in French with their English translations.
"""
