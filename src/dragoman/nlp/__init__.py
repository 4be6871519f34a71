"""spaCy pipeline and dragoman's components: actors, quotes, time, claims, events, sectors.

Each extractor is a spaCy pipeline component registered with `Language.factory`
under a `dragoman_*` name; it reads and writes `Doc._` extensions declared in
`dragoman.nlp.extensions`, so a component can be swapped by configuration.
"""
