"""Workshops: a facilitator's room of participants answering one questionnaire together.

The modules, each with one job:

``codes``      short join codes people can read off a projector and type on a phone
``keys``       the facilitator key: random, stored hashed, compared in constant time, and
               locked out after repeated wrong guesses
``schema``     the ``workshops`` table (created by migration 0003)
``store``      creating, finding, opening and closing workshops, their pace; checking a
               facilitator key
``pace``       which pages a participant of a facilitator-paced workshop may see now
``data``       reading a room's participants from the database in a few set-based queries
``best``       the best match of many stated goal profiles at once (vectorised)
``room``       the room's aggregate: progress, goals, mix, alignment, obligations, polls
``snapshot``   the published snapshots room views read (the whole room, or one section)
``section``    a paced workshop's discussion view of one section
``functions``  the ``audience: room`` rule functions over a room
``charts``     the room's charts
``export``     the anonymised CSV of a room's answers
``command``    ``python -m netclarity export``
``texts``      the words participants read, overridable in the questionnaire file

This package is imported by ``netclarity.questionnaire`` (for ``texts``), so it imports
nothing itself.
"""
