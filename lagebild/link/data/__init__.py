"""Language data of the linking stage (stopwords, verb lexicons, synonym classes), read by ``lagebild.link.lexicon``."""
