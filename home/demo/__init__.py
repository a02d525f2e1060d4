"""Demo content for the Volontaires de Paris site, built by ``manage.py load_demo_content``.

Facts come from the French seed documents (programme presentation of December 2019, the
citizen-participation overview, the Open Government Partnership action plan and the press
release of 28 November 2024); where they say nothing, the text is short and neutral.
"""
