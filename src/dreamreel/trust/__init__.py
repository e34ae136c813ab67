"""Trust: what makes a film dreamreel wrote trustworthy (see ``../../shared/DESIGN.md``).

    provenance  a signed C2PA manifest in every film; verify a file
    casting     a person's photo -> the renderer's character look (the photo is not kept)
    likeness    consent rules: who may cast whom, for what, until when; casting into a story
    ratings     the film as played, checked against its ceiling again before release
"""
