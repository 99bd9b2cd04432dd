"""Customer prediction at the dealer counter (issue 5): segment, type and vehicles.

Lifecycle modules:

- `inputs`: parse and validate counter inputs (`parse_input` -> `CustomerInput`,
  `InputError` with every `FieldError`);
- `features`: the counter features of the classifiers (no target leakage);
- `train`: classifiers compared by stratified 5-fold CV, run by `carsight train`;
- `recommend`: documented recommendation scoring over train-time statistics;
- `model`: the verified `Predictor` (`load_predictor`, `predict`, `predict_frame`,
  `model_card`);
- `registration`: validation of a registration form (name, phone, e-mail, ...).

Importing this package loads no model and no scikit-learn.
"""

from __future__ import annotations

from analytics.predict.inputs import (
    CustomerInput,
    FieldError,
    InputError,
    InputVocab,
    parse_input,
)
from analytics.predict.model import Prediction, Predictor, canonical_brand, load_predictor
from analytics.predict.recommend_vehicles import Reason, Recommendation

__all__ = [
    "CustomerInput",
    "FieldError",
    "InputError",
    "InputVocab",
    "Prediction",
    "Predictor",
    "Reason",
    "Recommendation",
    "canonical_brand",
    "load_predictor",
    "parse_input",
]
