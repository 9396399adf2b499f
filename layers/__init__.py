"""Map layers behind one registry: each layer id (as used in share links) maps to its builder.

`get_layer(id)` returns the layer or raises `UnknownLayer` naming the valid ids, as geopy's
`get_geocoder_for_service` does for geocoders.
"""
from __future__ import annotations

from layers import countries, militia, places, posture, precision, risk, state, unrest
from layers.base import LayerOutput, LayerSpec, LegendEntry

# Registry order is drawing order: areas and uncertainty radii underneath, then risk circles, places, and events on top.
LAYERS: dict[str, LayerSpec] = {
    spec.id: spec
    for spec in (
        LayerSpec("countries", "Countries named", countries.build),
        LayerSpec("precision", "Precision (uncertainty radius)", precision.build),
        LayerSpec("risk", "Risk", risk.build),
        LayerSpec("places", "Places", places.build),
        LayerSpec("posture", "Coalition posture", posture.build),
        LayerSpec("militia", "Militia activity", militia.build),
        LayerSpec("state", "State forces' actions", state.build),
        LayerSpec("unrest", "Protests and riots", unrest.build),
    )
}


class UnknownLayer(KeyError):
    """A layer id that is not in the registry; the message lists the ones that are."""

    def __init__(self, layer_id: str) -> None:
        super().__init__(layer_id)
        self.layer_id = layer_id

    def __str__(self) -> str:
        return f"unknown layer {self.layer_id!r}; valid layer ids: {', '.join(LAYERS)}"


def get_layer(layer_id: str) -> LayerSpec:
    try:
        return LAYERS[layer_id]
    except KeyError:
        raise UnknownLayer(layer_id) from None


__all__ = ["LAYERS", "LayerOutput", "LayerSpec", "LegendEntry", "UnknownLayer", "get_layer"]
