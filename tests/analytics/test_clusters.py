"""Customer types: the K-selection rule, fitting behaviour, profiles and personas."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from analytics.segments.clusters import (
    FEATURES,
    TRAIT_SCHEMA,
    KChoice,
    choose_k,
    cluster_profiles,
    elbow_k,
    k_search,
    order_by_size,
    persona_traits,
    stability,
    unique_parts,
)
from app.i18n.dealer import render_persona


def _metrics(inertia: list[float], silhouette: list[float], start: int = 2) -> pl.DataFrame:
    ks = list(range(start, start + len(inertia)))
    return pl.DataFrame(
        {"k": ks, "inertia": inertia, "silhouette": silhouette},
        schema={"k": pl.Int32, "inertia": pl.Float64, "silhouette": pl.Float64},
    )


# --- the K-selection rule ------------------------------------------------------------------


def test_elbow_is_the_point_furthest_below_the_chord() -> None:
    # sharp bend at K=4
    m = _metrics([100, 60, 20, 18, 16, 14, 12, 10, 8], [0.1] * 9)
    assert elbow_k(m) == 4


def test_no_elbow_on_a_straight_line() -> None:
    m = _metrics([90, 80, 70, 60, 50, 40, 30, 20, 10], [0.1] * 9)
    assert elbow_k(m) is None


def test_chosen_k_is_the_silhouette_candidate_closest_to_the_elbow() -> None:
    # elbow at 4; silhouette best at 2, K=4 within 90% of it -> 4
    m = _metrics(
        [100, 60, 20, 18, 16, 14, 12, 10, 8], [0.30, 0.25, 0.28, 0.20, 0.18, 0.15, 0.14, 0.13, 0.12]
    )
    choice = choose_k(m)
    assert choice == KChoice(4, 4, 2, (2, 4))


def test_elbow_outside_the_silhouette_band_moves_to_the_nearest_candidate() -> None:
    # elbow at 4 but its silhouette is poor; candidates are 2 and 6 -> tie broken to the smaller
    m = _metrics(
        [100, 60, 20, 18, 16, 14, 12, 10, 8], [0.30, 0.10, 0.10, 0.10, 0.29, 0.10, 0.10, 0.10, 0.10]
    )
    choice = choose_k(m)
    assert (choice.k, choice.elbow_k, choice.candidates) == (2, 4, (2, 6))


def test_without_an_elbow_the_best_silhouette_wins_and_override_is_respected() -> None:
    m = _metrics(
        [90, 80, 70, 60, 50, 40, 30, 20, 10], [0.10, 0.12, 0.20, 0.15, 0.11, 0.1, 0.1, 0.1, 0.1]
    )
    assert choose_k(m).k == 4
    forced = choose_k(m, override=7)
    assert forced.k == 7 and forced.overridden


# --- fitting ------------------------------------------------------------------------------


def _blobs(k: int, n: int = 80, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-20, 20, size=(k, 4))
    labels = np.repeat(np.arange(k), n)
    return centres[labels] + rng.normal(0, 0.5, size=(k * n, 4)), labels


@pytest.mark.slow  # fits KMeans for every K
def test_k_search_and_rule_find_well_separated_clusters() -> None:
    x, _ = _blobs(3)
    metrics, fitted = k_search(x, ks=range(2, 7), seed=0, n_init=2)
    assert metrics.get_column("k").to_list() == [2, 3, 4, 5, 6]
    assert choose_k(metrics).k == 3
    assert set(fitted) == {2, 3, 4, 5, 6}


def test_stability_of_a_clear_structure_is_near_one() -> None:
    x, truth = _blobs(3)
    result = stability(x, truth, k=3, seeds=(1, 2, 3), n_init=2)
    assert result.min > 0.99 and len(result.ari) == 3


def test_silhouette_uses_a_sample_when_data_is_large() -> None:
    x, _ = _blobs(2, n=600)
    metrics, _ = k_search(x, ks=[2], seed=0, silhouette_sample=100, n_init=1)
    assert metrics.item(0, "silhouette") > 0.9


def test_cluster_ids_are_numbered_by_size() -> None:
    labels = np.array([2, 2, 2, 0, 1, 1, 0, 2])
    assert order_by_size(labels) == {2: 1, 0: 2, 1: 3}


def test_segment_label_is_not_a_feature() -> None:
    assert "segment" not in FEATURES
    assert set(FEATURES) == {
        "age",
        "gender",
        "vehicle_class",
        "eco_friendly",
        "amount_krw",
        "frequency",
        "recency_days",
        "channel",
        "payment_method",
    }


# --- profiles and personas ---------------------------------------------------------------


def _customers() -> pl.DataFrame:
    """Cluster 1: 50s, big spenders, SUV; cluster 2: 20s, cheap hatchbacks, online women."""
    n = 10
    return pl.DataFrame(
        {
            "cluster": [1] * n + [2] * n,
            "age": [52, 55, 58, 51, 54, 56, 53, 57, 50, 59]
            + [24, 26, 28, 22, 25, 27, 23, 29, 21, 20],
            "gender": ["M"] * 7 + ["F"] * 3 + ["F"] * 8 + ["M"] * 2,
            "eco_friendly": [False] * 9 + [True] + [True] * 6 + [False] * 4,
            "amount_krw": [80_000_000] * n + [20_000_000] * n,
            "frequency": [2] * n + [1] * n,
            "recency_days": [300] * n + [30] * n,
            "channel": ["오프라인"] * n + ["온라인"] * 9 + ["오프라인"],
            "body_type": ["SUV"] * 8 + ["세단"] * 2 + ["해치백"] * 9 + ["SUV"],
            "model": ["Palisade"] * 6 + ["Tucson"] * 2 + ["Grandeur"] * 2 + ["Casper"] * 10,
            "market": ["Korea"] * 5 + ["USA"] * 5 + ["Korea"] * 10,
        }
    )


def test_profiles_are_in_original_units() -> None:
    prof = cluster_profiles(_customers())
    one = prof.row(0, named=True)
    assert one["customers"] == 10 and one["share"] == pytest.approx(0.5)
    assert one["age_mean"] == pytest.approx(54.5)
    assert one["male_share"] == pytest.approx(0.7) and one["female_share"] == pytest.approx(0.3)
    assert one["eco_share"] == pytest.approx(0.1)
    assert one["amount_krw_mean"] == pytest.approx(80e6)
    assert one["top_models"] == ["Palisade", "Grandeur", "Tucson"]
    assert one["top_model_shares"] == pytest.approx([0.6, 0.2, 0.2])
    assert one["top_markets"] == ["Korea", "USA"]
    assert (one["top_body_type"], one["preferred_body_type"]) == ("SUV", "SUV")


def test_a_trait_is_the_standardised_difference_from_all_customers() -> None:
    # ages 60, 62 | 30, 32: mean 46, sample sd sqrt((14^2 + 16^2 + 16^2 + 14^2) / 3) =
    # sqrt(904 / 3) = 17.359, so cluster 1 (mean 61) has d = 15 / 17.359 = 0.864.
    # Women: one of two in each cluster, the brand's share 0.5: d = 0, nothing to say.
    frame = pl.DataFrame(
        {
            "cluster": [1, 1, 2, 2],
            "age": [60, 62, 30, 32],
            "gender": ["F", "M", "F", "M"],
            "eco_friendly": [True, False, False, False],
            "channel": ["온라인"] * 4,
        }
    )
    rows = {(r["cluster"], r["trait"]): r for r in persona_traits(frame).to_dicts()}
    age = rows[(1, "age")]
    assert (age["cluster_mean"], age["brand_mean"]) == (61.0, 46.0)
    assert age["d"] == pytest.approx(15 / (904 / 3) ** 0.5)
    assert (age["code"], rows[(2, "age")]["code"]) == ("older", "younger")
    women = rows[(1, "women")]
    assert (women["d"], women["code"]) == (0.0, None)
    # eco: the brand's share 0.25, sd sqrt(0.25 x 0.75); cluster 1 has 0.5
    assert rows[(1, "eco")]["d"] == pytest.approx(0.25 / (0.25 * 0.75) ** 0.5)
    # everyone buys online: no spread, no trait
    assert (rows[(1, "online")]["d"], rows[(1, "online")]["code"]) == (0.0, None)


def test_personas_name_the_most_distinguishing_traits_never_a_shared_value() -> None:
    traits = persona_traits(_customers())
    named = traits.filter(pl.col("code").is_not_null())
    # a named trait always differs from the brand, in the direction its word says
    assert (named.get_column("d") != 0).all()
    ups = {"older", "high_spend", "repeat", "lapsed", "women", "eco", "online", "body", "market"}
    assert all((r["d"] > 0) == (r["code"] in ups) for r in named.to_dicts())
    parts = unique_parts(traits)
    for cluster, mine in parts.items():
        rows = named.filter(pl.col("cluster") == cluster)
        strongest = rows.row(0, named=True)
        first = mine[0]
        assert first[0] in ("trait", "body", "market")
        assert first[1] in (strongest["code"], strongest["value"])
        assert len(mine) >= 2
    # two groups of ten with one value each: amount, purchases and recency all have |d| =
    # sqrt(19/20) = 0.975 (ties go by trait name); age (within-group spread) 0.957
    assert render_persona(parts[1], "ko") == "고액 구매 · 재구매 고객"
    assert render_persona(parts[2], "en") == "budget · mostly one-time buyers"


def test_category_traits_need_a_real_share_of_the_cluster() -> None:
    rows = {(r["cluster"], r["trait"]): r for r in persona_traits(_customers()).to_dicts()}
    assert (rows[(1, "body_type=SUV")]["code"], rows[(1, "body_type=SUV")]["value"]) == (
        "body",
        "SUV",
    )
    assert rows[(2, "body_type=해치백")]["value"] == "해치백"
    # SUV is 1 of 10 in cluster 2, under-represented: never its persona
    assert rows[(2, "body_type=SUV")]["code"] is None


def test_persona_names_in_korean_and_english() -> None:
    parts = [("trait", "younger"), ("trait", "high_spend"), ("body", "SUV"), ("market", "USA")]
    assert render_persona(parts, "ko") == "젊은 층 · 고액 구매 · SUV 선호 · 미국 고객 중심"
    assert render_persona(parts, "en") == "younger · high spend · prefers SUV · mostly USA"
    assert render_persona([("market", "Korea")], "ko") == "대한민국 고객 중심"


def _trait_rows(cluster: int, codes: list[str], d: list[float]) -> list[dict]:
    return [
        {
            "cluster": cluster,
            "trait": code,
            "code": code,
            "value": None,
            "cluster_mean": 1.0,
            "brand_mean": 0.0,
            "d": v,
        }  # fmt: skip
        for code, v in zip(codes, d, strict=True)
    ]


def test_alike_personas_get_more_traits_until_they_differ() -> None:
    traits = pl.DataFrame(
        _trait_rows(1, ["repeat", "older", "online"], [1.5, 0.5, 0.1])
        + _trait_rows(2, ["repeat", "older", "women"], [1.2, 0.4, 0.05])
        + _trait_rows(3, ["lapsed", "budget"], [2.0, 0.1]),
        schema=TRAIT_SCHEMA,
    )
    names = {c: render_persona(p, "en") for c, p in unique_parts(traits).items()}
    assert names == {
        1: "repeat buyers · older · mostly online",
        2: "repeat buyers · older · more women",
        # beyond the first, a trait needs |d| >= TRAIT_MIN_D: 0.1 is too small to name
        3: "lapsed",
    }
    same = pl.DataFrame(
        _trait_rows(1, ["repeat"], [1.0]) + _trait_rows(2, ["repeat"], [0.9]), schema=TRAIT_SCHEMA
    )
    names = {c: render_persona(p, "en") for c, p in unique_parts(same).items()}
    assert names == {1: "repeat buyers · cluster 1", 2: "repeat buyers · cluster 2"}


# --- PCA projection ---------------------------------------------------------------------


def _fitted_customers(n: int = 600, seed: int = 5) -> tuple[pl.DataFrame, object]:
    """Customers with FEATURES and their stored cluster ids from a fitted make_model."""
    from analytics.segments.clusters import assign_clusters, feature_frame, make_model

    rng = np.random.default_rng(seed)
    group = rng.integers(0, 3, n)
    frame = pl.DataFrame(
        {
            "customer_id": [f"C{i:05d}" for i in range(n)],
            "age": 25 + 20 * group + rng.normal(0, 2, n),
            "amount_krw": (20 + 30 * group + rng.normal(0, 3, n)) * 1e6,
            "frequency": rng.integers(1, 3, n),
            "recency_days": rng.integers(10, 900, n),
            "gender": np.where(group == 1, "F", "M"),
            "vehicle_class": np.array(["Sedan", "SUV", "Truck"])[group],
            "eco_friendly": group == 2,
            "channel": np.where(rng.random(n) < 0.5, "online", "offline"),
            "payment_method": np.where(rng.random(n) < 0.5, "cash", "loan"),
        }
    )
    features = feature_frame(frame)
    model = make_model(3, seed=0).fit(features)
    labels = assign_clusters(model, features)
    ids = order_by_size(labels)
    return frame.with_columns(
        pl.Series("cluster", [ids[int(v)] for v in labels], dtype=pl.Int16)
    ), model


def test_pca_projection_gives_two_coordinates_per_customer_and_variance_shares() -> None:
    from types import SimpleNamespace

    from analytics.segments.clusters import pca_projection

    frame, model = _fitted_customers()
    out = pca_projection(frame, models=SimpleNamespace(cluster_model=model))
    assert out.points.columns == ["customer_id", "pc1", "pc2", "cluster"]
    assert out.points.height == frame.height
    assert out.points.select(pl.col("pc1", "pc2").is_finite().all()).row(0) == (True, True)
    first, second = out.explained
    assert 0 < second <= first <= 1 and first + second <= 1 + 1e-9


def test_pca_projection_is_deterministic_and_samples_at_most_the_limit() -> None:
    from analytics.segments.clusters import pca_projection

    frame, model = _fitted_customers()
    a = pca_projection(frame, models=model, sample=200)
    b = pca_projection(frame, models=model, sample=200)
    assert a.points.height == 200
    assert a.points.equals(b.points) and a.explained == b.explained


def test_pca_projection_keeps_the_stored_cluster_of_each_customer() -> None:
    from analytics.segments.clusters import pca_projection

    frame, model = _fitted_customers()
    out = pca_projection(
        frame.with_columns(
            pl.when(pl.col("customer_id") == "C00000")
            .then(None)
            .otherwise(pl.col("cluster"))
            .alias("cluster")
        ),
        models=model,
    )
    assert "C00000" not in out.points.get_column("customer_id").to_list()
    joined = out.points.join(
        frame.select("customer_id", pl.col("cluster").alias("stored")), on="customer_id"
    )
    assert joined.height == frame.height - 1
    assert (joined.get_column("cluster") == joined.get_column("stored")).all()
    # the clusters separate on the projection: each cluster's centre is apart from the others
    centres = joined.group_by("cluster").agg(pl.col("pc1", "pc2").mean()).sort("cluster")
    assert centres.height == 3
    assert centres.get_column("pc1").n_unique() == 3


def test_pca_projection_of_no_customers_is_empty() -> None:
    from analytics.segments.clusters import pca_projection

    frame, model = _fitted_customers()
    out = pca_projection(frame.clear(), models=model)
    assert out.points.is_empty() and out.points.columns[:3] == ["customer_id", "pc1", "pc2"]
