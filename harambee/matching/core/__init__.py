"""The framework-free matching core: the engine, the glossary and its tagger, documents from posting
fields, and the on-disk index. It imports no Django (``tests/test_matching_index.py`` checks it), so the
engine runs the same in a web process, a task worker, a benchmark or on a corpus file.

The one thing it borrows from the platform is the text folding shared with the search index
(``harambee.postings.text.fold``, itself framework-free), so that tagging and search see the same words.
"""
