"""Editions over time: the writers `publish` and `new-period`.

    snapshot  a new snapshot's inputs and bytes
    publish   `rapportage publish`: freeze an edition, or record a rectificatie
    scaffold  `rapportage new-period`: the next edition from the previous one
    refused   `Refused`: why publish or new-period did nothing (Dutch message and hint)

Reading a published edition is the loader's job (generator/model/frozen_inputs.py,
generator/compute/snapshot.py); the CONCEPT marker check is generator/model/concept_marker.py.
See docs/dev/editions.md.
"""
