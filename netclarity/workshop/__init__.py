"""Workshops: a facilitator's room of participants answering one questionnaire together.

The modules, each with one job:

``codes``      short join codes people can read off a projector and type on a phone
``keys``       the facilitator key: random, stored hashed, compared in constant time, and
               locked out after repeated wrong guesses
``tables``     the workshop tables (created by migrations 0003-0009)
``store``      creating, finding, opening and closing workshops, their pace; checking a
               facilitator key
``pace``       which pages a participant of a facilitator-paced workshop may see now
``data``       reading a room's participants from the database in a few set-based queries
``room``       the room's aggregate: progress, goals, mix, alignment, obligations, polls
``snapshot``   the published snapshots room views read (the whole room, or one section)
``finished``   who has finished the workshop or a section, and when their answers last
               changed, reading only rounds touched since the last read
``last_read``  what this server read last of each part's snapshot, to compare with
``kept``       a room's figures kept in memory per published snapshot, for the refreshes
``recent``     what a server keeps of recent reads, per database, bounded
``section``    a paced workshop's discussion view of one section
``functions``  the ``audience: room`` rule functions over a room
``charts``     the room's charts
``export``     the anonymised CSV of a room's answers

The words participants read are ``netclarity.texts.WorkshopTexts`` and ``PaceTexts``, like
every other interface text; ``python -m netclarity export`` is ``netclarity.commands.export``.
"""
