"""The reference design's progress endpoint, as its seed describes it (FastAPI, an in-memory dict
of task states, GET /api/progress/{task_id}), for measuring it on the same machine as Sightline.

POST /api/tasks creates a finished task so the benchmark has states to read. Run with
`bench/reference-poll.sh`; needs Debian's python3-fastapi and python3-uvicorn.
"""
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException


@dataclass
class ProgressState:
    progress: int
    stage: str
    status: str
    task_id: str
    updated_at: datetime
    error: Optional[str] = None


class ProgressService:
    def __init__(self):
        self._tasks: Dict[str, ProgressState] = {}

    async def start_task(self, task_id: str, initial_stage: str = "Initializing..."):
        self._tasks[task_id] = ProgressState(0, initial_stage, "processing", task_id, datetime.utcnow())

    async def update_progress(self, task_id: str, progress: int, stage: str, status: str = "processing"):
        state = self._tasks.get(task_id)
        if state:
            state.progress, state.stage, state.status = progress, stage, status
            state.updated_at = datetime.utcnow()

    async def get_progress(self, task_id: str) -> Optional[ProgressState]:
        return self._tasks.get(task_id)


app = FastAPI()
progress_service = ProgressService()


@app.post("/api/tasks")
async def create_task():
    task_id = str(uuid.uuid4())
    await progress_service.start_task(task_id)
    await progress_service.update_progress(task_id, 100, "Summary ready!", "completed")
    return {"task_id": task_id}


@app.get("/api/progress/{task_id}")
async def get_progress(task_id: str):
    progress_state = await progress_service.get_progress(task_id)
    if not progress_state:
        raise HTTPException(status_code=404, detail=f"Task {task_id} not found")
    return {
        "progress": progress_state.progress,
        "stage": progress_state.stage,
        "status": progress_state.status,
        "task_id": progress_state.task_id,
        "error": progress_state.error,
    }
