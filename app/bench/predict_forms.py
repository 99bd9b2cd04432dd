"""Raw counter-customer forms drawn from a brand's vocabulary (fixed seed)."""

from __future__ import annotations

import math
from typing import Any


def raw_customers(vocab: Any, n: int, *, seed: int) -> list[dict[str, Any]]:
    """`n` raw forms as the page or a CSV sends them (Korean labels, text numbers)."""
    import numpy as np

    from warehouse.canonical import MARKETS

    rng = np.random.default_rng(seed)
    lo, hi = math.log(vocab.budget_min * 2), math.log(vocab.budget_max / 2)
    return [
        {
            "gender": str(rng.choice(["남", "여"])),
            "age": str(int(rng.integers(20, 75))),
            "market": MARKETS[str(rng.choice(vocab.markets))][0],
            "vehicle_class": str(rng.choice(vocab.vehicle_classes)),
            "model_of_interest": str(rng.choice(vocab.models)) if rng.random() < 0.5 else "",
            "eco_friendly": str(rng.choice(["예", "아니오"])),
            "budget": f"{int(math.exp(rng.uniform(lo, hi))):,}",
            "payment_method": str(rng.choice(vocab.payment_methods)),
            "channel": str(rng.choice(vocab.channels)),
            "purchase_count": str(int(rng.integers(0, 6))),
            "name": "홍길동",
            "email": "hong@example.com",
        }
        for _ in range(n)
    ]
