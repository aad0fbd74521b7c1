"""The engine in its own process, end to end, through the client the UI uses."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import Future

import pytest

from allervers.domain.rights import (
    AssessmentStatus,
    EngineFailed,
    EngineUnavailable,
    RightAssessment,
    RightId,
)
from allervers.rights.engine import RightsEngine
from allervers.rights.worker import EngineClient, EngineState
from tests.rights.conftest import person, visit

pytestmark = pytest.mark.slow

LOAD_TIMEOUT = 180.0


@pytest.fixture(scope="module")
def client() -> Iterator[EngineClient]:
    engine_client = EngineClient()
    states: list[EngineState] = []
    engine_client.on_state(states.append)
    engine_client.start()
    # Requests sent while the engine loads are queued, not lost.
    early = engine_client.assess(visit(person(age=42), housing_status="hosted_free"))
    assert not engine_client.is_ready()
    assert engine_client.wait_ready(LOAD_TIMEOUT)
    assert early.result(LOAD_TIMEOUT)[0].status is AssessmentStatus.PROBABLE_NON_RECOURS
    assert states[-1] is EngineState.READY
    assert EngineState.WARMING_UP in states
    yield engine_client
    engine_client.close()


def test_the_worker_answers_like_the_engine_in_process(
    client: EngineClient, engine: RightsEngine
) -> None:
    household = visit(
        person(age=45, activity="employed", salary=1000),
        housing_status="private_tenant",
        rent=520,
    )
    remote = client.assess(household).result(60)
    assert remote == engine.assess(household)
    assert client.engine_version == engine.version
    assert client.load_seconds is not None and client.load_seconds > 0


def test_callbacks_and_batches(client: EngineClient) -> None:
    done = threading.Event()
    received: list[list[RightAssessment]] = []

    def callback(future: Future[list[RightAssessment]]) -> None:
        received.append(future.result())
        done.set()

    client.assess(
        visit(person(age=78, activity="retired", pension=750), housing_status="owner"),
        callback=callback,
    )
    assert done.wait(60)
    aspa = next(a for a in received[0] if a.right is RightId.ASPA)
    # RFR 0: the pension pays no CSG (art. L136-8 III CSS), its gross is its net.
    assert aspa.amount == pytest.approx(12_523.14 / 12 - 750, abs=0.01)

    batch = client.assess_batch([visit(person(age=30)), visit(person(age=70))]).result(60)
    assert len(batch) == 2 and all(len(assessments) == len(RightId) for assessments in batch)


def test_a_bad_request_fails_alone(client: EngineClient) -> None:
    failed = client.assess({"answers": {}})
    with pytest.raises(EngineFailed) as raised:
        failed.result(60)
    assert "visited_on" in raised.value.detail
    assert client.assess(visit(person(age=50))).result(60)[0].amount is not None


def test_a_closed_client_refuses_requests() -> None:
    closed = EngineClient()
    with pytest.raises(EngineUnavailable):
        closed.assess(visit(person())).result(1)
    closed.start()
    closed.close()
    assert closed.state is EngineState.CLOSED
    with pytest.raises(EngineUnavailable):
        closed.assess(visit(person())).result(1)
