"""Editions over time: frozen snapshots of published editions, `publish` and `new-period`.

    snapshot  the snapshot file format, the edition's input fingerprint
    frozen    what a build does with a published edition (check inputs, use its snapshot)
    publish   `rapportage publish`: freeze an edition, or record a rectificatie
    scaffold  `rapportage new-period`: the next edition from the previous one

See docs/dev/editions.md.
"""
