"""`grafiek:` settings (model) -> ChartConfigView (views), for indicators and tables alike."""

from __future__ import annotations

from generator.compute.views import ChartAnnotationView, ChartConfigView
from generator.model.schema import ChartSettings


def chart_config(settings: ChartSettings | None) -> ChartConfigView:
    if settings is None:
        return ChartConfigView()
    axis = settings.axis
    return ChartConfigView(
        kind=settings.kind,
        title=settings.title,
        series=list(settings.series),
        axis_min=axis.minimum if axis else None,
        axis_max=axis.maximum if axis else None,
        annotations=[ChartAnnotationView(period=a.period, text=a.text) for a in settings.annotations],
        periods=settings.periods,
        shape=settings.shape,
        show_target=settings.show_target,
        target_name=settings.target_name,
        highlight=settings.highlight,
    )
