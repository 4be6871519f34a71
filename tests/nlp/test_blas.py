"""The model's matrix products on numpy's BLAS give the same analysis as on blis, and
the benchmark measures both bare pipelines beside the extraction."""
from __future__ import annotations

import json

import pytest

from dragoman.config import ConfigError, default_model, load_settings
from dragoman.nlp.fastpipes import use_blas

EXAMPLES_GLOB = "*.txt"


def _analysis(nlp, texts):
    """Every statistical decision of the model, token by token."""
    return [[(t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
             for t in doc] for doc in nlp.pipe(texts, batch_size=8)]


@pytest.fixture(scope="module")
def texts():
    from conftest import EXAMPLES
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob(EXAMPLES_GLOB))]


def test_numpy_blas_changes_no_tag_parse_or_entity(texts):
    import spacy
    blis, numpy_blas = spacy.load(default_model()), spacy.load(default_model())
    use_blas(numpy_blas, "numpy")
    assert _analysis(numpy_blas, texts) == _analysis(blis, texts)


def test_numpy_blas_runs_on_one_thread():
    import spacy
    from threadpoolctl import threadpool_info
    use_blas(spacy.blank("en"), "numpy")
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_blis_leaves_the_model_as_loaded():
    import spacy
    from thinc.api import NumpyOps
    nlp = spacy.load(default_model())
    use_blas(nlp, "blis")
    ops = nlp.get_pipe("ner").model.ops
    assert isinstance(ops, NumpyOps) and ops.use_blis


def test_unknown_blas_is_refused():
    import spacy
    with pytest.raises(ValueError, match="blas must be one of numpy, blis"):
        use_blas(spacy.blank("en"), "mkl")
    with pytest.raises(ConfigError, match="DRAGOMAN_BLAS: blas must be one of"):
        load_settings(env={"DRAGOMAN_BLAS": "mkl"})


def test_bench_reports_both_bare_pipelines_and_ratios(extractor):
    from typer.testing import CliRunner

    from dragoman.cli import app
    result = CliRunner().invoke(app, ["bench", "-n", "10", "--json",
                                      "--phases", "spacy,spacy-blas,extract"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["phases"]) == {"spacy", "spacy-blas", "extract"}
    assert all(p["articles"] == 10 and p["seconds"] > 0 and p["peak_rss_mb"] > 0
               for p in report["phases"].values())
    assert report["ratios"]["extract/spacy"] > 0 and report["ratios"]["extract/spacy-blas"] > 0
    assert report["ratios"]["ingest/spacy"] is None  # not measured in this run
