"""Customer prediction at the dealer counter: value tier, cars and returning customers.

Lifecycle modules:

- `inputs`: parse and validate counter inputs (`parse_input` -> `CustomerInput`,
  `InputError` with every `FieldError`);
- `features`: the counter features of the value-tier model (no target leakage);
- `train`: calibrated classifiers compared by stratified 5-fold CV, run by
  `carsight train`;
- `recommend_vehicles`: cars that honour the class, budget and eco wishes, then a
  documented score over train-time statistics and the model catalogue;
- `model`: the verified `Predictor` (`load_predictor`, `predict`, `predict_frame`,
  `model_card`);
- `lookup`: what a dealer typed to find a returning customer (phone, e-mail, id);
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
from analytics.predict.recommend_vehicles import Reason, Recommendation, Wishes

__all__ = [
    "CustomerInput",
    "FieldError",
    "InputError",
    "InputVocab",
    "Prediction",
    "Predictor",
    "Reason",
    "Recommendation",
    "Wishes",
    "canonical_brand",
    "load_predictor",
    "parse_input",
]
