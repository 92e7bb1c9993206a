#!/usr/bin/env python3
"""
Writes the fake Bitbucket's payloads of the WireMock tests, src/test/resources/payloads/*, and their index.json
(the request each file answers). The committed files are the source of truth; this script is how they were made,
kept so that the long listings (250 pipelines, 250 steps) and the shared UUIDs can be regenerated consistently.

    python3 src/test/scripts/generate_payloads.py src/test/resources/payloads
"""
import json, os, sys, urllib.parse

OUT = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/payloads"
os.makedirs(OUT, exist_ok=True)
index = {}

API = "https://api.bitbucket.org/2.0"
WEB = "https://bitbucket.org"

def enc(segment):
    return urllib.parse.quote(segment, safe="")

def write(name, body, method, path, status=200, query=None, content_type="application/json"):
    entry = {"method": method, "path": path}
    if query:
        entry["query"] = query
    entry["status"] = status
    entry["contentType"] = content_type
    index[name] = entry
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        if isinstance(body, str):
            f.write(body)
        elif isinstance(body.get("values"), list) and len(body["values"]) > 20:
            # Long listings: one value a line, so the files stay small and diffable.
            head = {k: v for k, v in body.items() if k != "values"}
            f.write("{\n")
            for k, v in head.items():
                f.write(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n")
            f.write('  "values": [\n')
            f.write(",\n".join("    " + json.dumps(v, ensure_ascii=False, separators=(",", ":"))
                                for v in body["values"]))
            f.write("\n  ]\n}\n")
        else:
            json.dump(body, f, indent=2, ensure_ascii=False)
            f.write("\n")

def link(href):
    return {"href": href}

# ---------------------------------------------------------------- fixtures
ACME = {"slug": "acme", "uuid": "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}", "name": "Acme Corp"}
BETA = {"slug": "beta", "uuid": "{9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4}", "name": "Beta Labs"}
ADA = {"uuid": "{a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d}", "display_name": "Ada Lovelace", "nickname": "ada",
       "account_id": "557058:0f6c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f"}
REPOS = {
    "api": {"uuid": "{7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a}", "name": "api", "description": "The public REST API",
            "language": "java", "updated_on": "2025-11-20T09:20:11.082734+00:00"},
    "infra": {"uuid": "{0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d}", "name": "infra", "description": "Terraform",
              "language": "hcl", "updated_on": "2025-11-18T16:02:44.000000+00:00"},
    "mobile": {"uuid": "{1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e}", "name": "mobile", "description": "iOS and Android",
               "language": "kotlin", "updated_on": "2025-11-19T12:00:00.000000+00:00"},
    "web": {"uuid": "{2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f}", "name": "web", "description": "The web front end",
            "language": "typescript", "updated_on": "2025-11-17T08:30:00.000000+00:00"},
}

P43 = "{5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f80}"  # running, main
P42 = "{4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f}"  # successful, main
P41 = "{6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8091}"  # failed, feature/login
P40 = "{7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f809102}"  # pull request feature/login -> main, successful
P39 = "{8a9b0c1d-2e3f-4a4b-9c5d-6e7f80910213}"  # paused, tag v1.4.0
P44 = "{9b0c1d2e-3f4a-4b5c-8d6e-7f8091021324}"  # a matrix pipeline with 250 steps

S_BUILD = "{b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e}"
S_TEST = "{c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f}"
LOG_POSTGRES = "{d3e4f5a6-b7c8-4d9e-8f0a-1b2c3d4e5f60}"
TC_OK = "{e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6071}"
TC_FAIL = "{f5a6b7c8-d9e0-4f1a-8b2c-3d4e5f607182}"
TC_ERROR = "{06a7b8c9-d0e1-4a2b-9c3d-4e5f60718293}"
TC_SKIP = "{17b8c9d0-e1f2-4b3c-8d4e-5f60718293a4}"

COMMIT_42 = "8f3c2a1b9d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a"
COMMIT_43 = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
COMMIT_41 = "2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c"
COMMIT_40 = "3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"
COMMIT_40_DEST = "4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e"
COMMIT_39 = "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f"


def workspace(ws, full=True):
    body = {
        "type": "workspace",
        "uuid": ws["uuid"],
        "name": ws["name"],
        "slug": ws["slug"],
        "links": {
            "avatar": link(f"{WEB}/workspaces/{ws['slug']}/avatar/?ts=1732094400"),
            "html": link(f"{WEB}/{ws['slug']}/"),
            "self": link(f"{API}/workspaces/{ws['slug']}"),
        },
    }
    if full:
        body["links"].update({
            "members": link(f"{API}/workspaces/{ws['slug']}/members"),
            "owners": link(f"{API}/workspaces/{ws['slug']}/members?q=permission%3D%22owner%22"),
            "projects": link(f"{API}/workspaces/{ws['slug']}/projects"),
            "repositories": link(f"{API}/repositories/{ws['slug']}"),
            "snippets": link(f"{API}/snippets/{ws['slug']}"),
        })
        body["is_private"] = True
        body["created_on"] = "2019-03-04T10:11:12.345678+00:00"
        body["updated_on"] = "2025-10-01T08:00:00.000000+00:00"
    return body


def account(user=ADA):
    return {
        "type": "user",
        "uuid": user["uuid"],
        "display_name": user["display_name"],
        "nickname": user["nickname"],
        "account_id": user["account_id"],
        "links": {
            "self": link(f"{API}/users/{enc(user['uuid'])}"),
            "html": link(f"{WEB}/{enc(user['uuid'])}/"),
            "avatar": link("https://secure.gravatar.com/avatar/7c6a1b2d3e4f?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2FAL-1.png"),
        },
    }


def repo_summary(slug, ws="acme"):
    r = REPOS[slug]
    return {
        "type": "repository",
        "uuid": r["uuid"],
        "name": r["name"],
        "full_name": f"{ws}/{slug}",
        "links": {
            "self": link(f"{API}/repositories/{ws}/{slug}"),
            "html": link(f"{WEB}/{ws}/{slug}"),
            "avatar": link(f"https://bytebucket.org/ravatar/{enc(r['uuid'])}?ts=java"),
        },
    }


def repository(slug, ws=ACME):
    r = REPOS[slug]
    base = f"{API}/repositories/{ws['slug']}/{slug}"
    return {
        "type": "repository",
        "uuid": r["uuid"],
        "full_name": f"{ws['slug']}/{slug}",
        "slug": slug,
        "name": r["name"],
        "description": r["description"],
        "scm": "git",
        "is_private": True,
        "owner": {
            "type": "team",
            "uuid": ws["uuid"],
            "display_name": ws["name"],
            "username": ws["slug"],
            "links": {
                "self": link(f"{API}/workspaces/{enc(ws['uuid'])}"),
                "html": link(f"{WEB}/{enc(ws['uuid'])}/"),
                "avatar": link(f"{WEB}/account/{ws['slug']}/avatar/"),
            },
        },
        "workspace": workspace(ws, full=False),
        "project": {
            "type": "project",
            "uuid": "{4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b}",
            "key": "CORE",
            "name": "Core",
            "links": {
                "html": link(f"{WEB}/{ws['slug']}/workspace/projects/CORE"),
                "avatar": link(f"{WEB}/{ws['slug']}/workspace/projects/CORE/avatar/32?ts=1700000000"),
            },
        },
        "mainbranch": {"type": "branch", "name": "main"},
        "language": r["language"],
        "created_on": "2020-05-06T07:08:09.101112+00:00",
        "updated_on": r["updated_on"],
        "size": 48213555,
        "has_issues": False,
        "has_wiki": False,
        "fork_policy": "no_public_forks",
        "links": {
            "self": link(base),
            "html": link(f"{WEB}/{ws['slug']}/{slug}"),
            "avatar": link(f"https://bytebucket.org/ravatar/{enc(r['uuid'])}?ts=java"),
            "pullrequests": link(f"{base}/pullrequests"),
            "commits": link(f"{base}/commits"),
            "forks": link(f"{base}/forks"),
            "watchers": link(f"{base}/watchers"),
            "downloads": link(f"{base}/downloads"),
            "hooks": link(f"{base}/hooks"),
        },
    }


def commit(hash_, repo="api", ws="acme"):
    return {
        "type": "commit",
        "hash": hash_,
        "links": {
            "self": link(f"{API}/repositories/{ws}/{repo}/commit/{hash_}"),
            "html": link(f"{WEB}/{ws}/{repo}/commits/{hash_}"),
        },
    }


def ref_target(ref_type, ref_name, hash_, selector, repo="api"):
    return {
        "type": "pipeline_ref_target",
        "ref_type": ref_type,
        "ref_name": ref_name,
        "commit": commit(hash_, repo),
        "selector": selector,
    }


def completed(result):
    return {"type": "pipeline_state_completed", "name": "COMPLETED",
            "result": {"type": f"pipeline_state_completed_{result.lower()}", "name": result}}


def in_progress(stage):
    return {"type": "pipeline_state_in_progress", "name": "IN_PROGRESS",
            "stage": {"type": f"pipeline_state_in_progress_{stage.lower()}", "name": stage}}


def pipeline(uuid, number, state, target, created, completed_on=None, trigger="PUSH", seconds=0, repo="api",
             variables=None, hash_for_config=None):
    body = {
        "type": "pipeline",
        "uuid": uuid,
        "build_number": number,
        "run_number": 1,
        "creator": account(),
        "repository": repo_summary(repo),
        "target": target,
        "trigger": {"type": f"pipeline_trigger_{trigger.lower()}", "name": trigger},
        "state": state,
        "created_on": created,
    }
    if completed_on:
        body["completed_on"] = completed_on
    body["build_seconds_used"] = seconds
    body["variables"] = variables or []
    body["configuration_sources"] = [{
        "source": "bitbucket-pipelines.yml",
        "uri": f"{API}/repositories/acme/{repo}/src/{hash_for_config or target['commit']['hash']}/bitbucket-pipelines.yml",
    }]
    body["has_variables"] = bool(variables)
    body["links"] = {
        "self": link(f"{API}/repositories/acme/{repo}/pipelines/{enc(uuid)}"),
        "steps": link(f"{API}/repositories/acme/{repo}/pipelines/{enc(uuid)}/steps/"),
    }
    return body


def page(values, page_no=1, size=None, next_=True, base=None, previous=False):
    body = {"page": page_no, "pagelen": 100, "size": len(values) if size is None else size, "values": values}
    if next_ and base:
        body["next"] = f"{base}?page={page_no + 1}&pagelen=100"
    if previous and base:
        body["previous"] = f"{base}?page={page_no - 1}&pagelen=100"
    return body


def error(message, detail=None):
    e = {"message": message}
    if detail:
        e["detail"] = detail
    return {"type": "error", "error": e}

# ---------------------------------------------------------------- workspaces
write("workspace-acme.json", workspace(ACME), "GET", "/workspaces/acme")
write("workspace-beta.json", workspace(BETA), "GET", "/workspaces/beta")


def workspace_access(ws, administrator):
    return {
        "type": "workspace_access",
        "administrator": administrator,
        "workspace": workspace(ws, full=False),
        "links": {"self": link(f"{API}/user/workspaces/{ws['slug']}/permission")},
    }


write("user-workspaces.json",
      page([workspace_access(ACME, True), workspace_access(BETA, False)], next_=False),
      "GET", "/user/workspaces", query="sort=workspace.slug&page=1&pagelen=100")
# An access token (repository, project or workspace) belongs to no account: it has no workspaces to list.
write("user-workspaces-access-token.json", error("This API is not accessible by this authentication mechanism"),
      "GET", "/user/workspaces", query="sort=workspace.slug&page=1&pagelen=100", status=403)

# ---------------------------------------------------------------- repositories
write("repository-api.json", repository("api"), "GET", "/repositories/acme/api")
write("repository-mobile.json", repository("mobile"), "GET", "/repositories/acme/mobile")
write("repositories-acme.json",
      page([repository(s) for s in ["api", "infra", "mobile", "web"]], next_=False),
      "GET", "/repositories/acme", query="sort=name&page=1&pagelen=100")
write("repositories-acme-named-api.json",
      page([repository("api")], next_=False),
      "GET", "/repositories/acme", query="sort=name&q=name%20~%20%22api%22&page=1&pagelen=100")

# ---------------------------------------------------------------- pipelines
PIPELINES_BASE = f"{API}/repositories/acme/api/pipelines/"
main_selector = {"type": "branches", "pattern": "main"}
p43 = pipeline(P43, 43, in_progress("RUNNING"), ref_target("branch", "main", COMMIT_43, main_selector),
               "2025-11-20T10:02:00.000Z", seconds=37)
p42 = pipeline(P42, 42, completed("SUCCESSFUL"), ref_target("branch", "main", COMMIT_42, main_selector),
               "2025-11-20T09:15:02.123Z", "2025-11-20T09:19:47.456Z", seconds=281,
               variables=[{"type": "pipeline_variable", "key": "DEPLOY_ENV", "value": "staging", "secured": False},
                          {"type": "pipeline_variable", "key": "DEPLOY_TOKEN", "secured": True}])
p41 = pipeline(P41, 41, completed("FAILED"),
               ref_target("branch", "feature/login", COMMIT_41, {"type": "default"}),
               "2025-11-19T16:40:00.000Z", "2025-11-19T16:43:30.000Z", seconds=205)
p40 = pipeline(P40, 40, completed("SUCCESSFUL"), {
    "type": "pipeline_pullrequest_target",
    "source": "feature/login",
    "destination": "main",
    "destination_commit": {"type": "commit", "hash": COMMIT_40_DEST},
    "commit": commit(COMMIT_40),
    "pullrequest": {
        "type": "pullrequest",
        "id": 17,
        "title": "Add login with SSO",
        "draft": False,
        "links": {
            "self": link(f"{API}/repositories/acme/api/pullrequests/17"),
            "html": link(f"{WEB}/acme/api/pull-requests/17"),
        },
    },
    "selector": {"type": "pull-requests", "pattern": "**"},
}, "2025-11-19T15:00:00.000Z", "2025-11-19T15:04:10.000Z", seconds=244)
p39 = pipeline(P39, 39, in_progress("PAUSED"),
               ref_target("tag", "v1.4.0", COMMIT_39, {"type": "tags", "pattern": "v*"}),
               "2025-11-18T11:00:00.000Z", trigger="MANUAL", seconds=120)

newest = [p43, p42, p41, p40, p39]
write("pipelines-newest-first.json", page(newest, next_=False), "GET", "/repositories/acme/api/pipelines/",
      query="sort=-created_on&page=1&pagelen=100")
write("pipelines-oldest-first.json", page(list(reversed(newest)), next_=False), "GET",
      "/repositories/acme/api/pipelines/", query="sort=created_on&page=1&pagelen=100")
write("pipelines-successful-or-failed.json", page([p42, p41, p40], next_=False), "GET",
      "/repositories/acme/api/pipelines/", query="sort=-created_on&status=SUCCESSFUL&status=FAILED&page=1&pagelen=100")
write("pipelines-in-progress.json", page([p43, p39], next_=False), "GET",
      "/repositories/acme/api/pipelines/", query="sort=-created_on&status=IN_PROGRESS&page=1&pagelen=100")

write("pipeline-42.json", p42, "GET", f"/repositories/acme/api/pipelines/{enc(P42)}")
write("pipeline-42-by-build-number.json", p42, "GET", "/repositories/acme/api/pipelines/42")
write("pipeline-43-running.json", p43, "GET", f"/repositories/acme/api/pipelines/{enc(P43)}")
write("pipeline-40-pull-request.json", p40, "GET", f"/repositories/acme/api/pipelines/{enc(P40)}")
p44 = pipeline(P44, 44, completed("SUCCESSFUL"), ref_target("branch", "main", COMMIT_42, main_selector),
               "2025-11-20T11:00:00.000Z", "2025-11-20T11:30:00.000Z", seconds=9000)
write("pipeline-44-matrix.json", p44, "GET", f"/repositories/acme/api/pipelines/{enc(P44)}")

# 250 pipelines, newest first; page 2 lacks `next` although page 3 exists (the API's quirk).
def numbered_uuid(prefix, n):
    return "{%s-0000-4000-8000-%012d}" % (prefix, n)

import datetime
def stamp(n, seconds):
    t = datetime.datetime(2025, 6, 1, 8, 0, 0) + datetime.timedelta(hours=n, seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")

many = []
for n in range(250, 0, -1):
    many.append(pipeline(numbered_uuid("5e1a0000", n), n, completed("SUCCESSFUL"),
                         ref_target("branch", "main", "%040x" % (0xabc000 + n), main_selector),
                         stamp(n, 0), stamp(n, 30),
                         seconds=30))
for p in (1, 2, 3):
    chunk = many[(p - 1) * 100: p * 100]
    write(f"pipelines-250-page{p}.json",
          page(chunk, page_no=p, size=250, next_=(p == 1), base=PIPELINES_BASE, previous=(p > 1)),
          "GET", "/repositories/acme/api/pipelines/", query=f"sort=-created_on&page={p}&pagelen=100")

# 20 pipelines of acme/mobile, for the fan-out of their steps
fan = []
for n in range(20, 0, -1):
    fan.append(pipeline(numbered_uuid("6f2b0000", n), n, completed("SUCCESSFUL"),
                        ref_target("branch", "main", "%040x" % (0xdef000 + n), main_selector, repo="mobile"),
                        "2025-11-%02dT08:00:00.000Z" % n, "2025-11-%02dT08:05:00.000Z" % n, seconds=300,
                        repo="mobile"))
write("pipelines-mobile-20.json", page(fan, next_=False), "GET", "/repositories/acme/mobile/pipelines/",
      query="sort=-created_on&page=1&pagelen=100")

# ---------------------------------------------------------------- steps
def step_state_completed(result):
    return {"type": "pipeline_step_state_completed", "name": "COMPLETED",
            "result": {"type": f"pipeline_step_state_completed_{result.lower()}", "name": result}}


CLONE = {"name": "Clone", "command": "umask 000\n\nGIT_LFS_SKIP_SMUDGE=1 retry 6 git clone --branch=\"main\" --depth 50 https://x-token-auth:$REPOSITORY_OAUTH_ACCESS_TOKEN@bitbucket.org/$BITBUCKET_REPO_FULL_NAME.git $BUILD_DIR"}


def step(uuid, name, pipeline_uuid, state, started, completed_on, seconds, scripts, image=None, services=None,
         repo="api"):
    body = {
        "type": "pipeline_step",
        "uuid": uuid,
        "name": name,
        "pipeline": {"type": "pipeline", "uuid": pipeline_uuid},
        "state": state,
        "image": image or {"name": "maven:3.9-eclipse-temurin-17"},
        "setup_commands": [CLONE],
        "script_commands": [{"name": s, "command": s} for s in scripts],
        "teardown_commands": [],
        "started_on": started,
        "completed_on": completed_on,
        "duration_in_seconds": seconds,
        "build_seconds_used": seconds,
        "run_number": 1,
        "max_time": 120,
    }
    if services is not None:
        body["service_containers"] = services
    return body


build = step(S_BUILD, "Build and unit test", P42, step_state_completed("SUCCESSFUL"),
             "2025-11-20T09:15:10.000Z", "2025-11-20T09:17:40.000Z", 150, ["mvn -B verify"],
             services=[{"uuid": LOG_POSTGRES, "name": "postgres"}])
integration = step(S_TEST, "Integration tests", P42, step_state_completed("FAILED"),
                   "2025-11-20T09:17:45.000Z", "2025-11-20T09:19:45.000Z", 120,
                   ["mvn -B -Pintegration verify", "./scripts/upload-report.sh"],
                   image={"name": "registry.acme.example/ci/jdk17:3", "username": "ci-bot"})
write("steps-pipeline-42.json", page([build, integration], next_=False), "GET",
      f"/repositories/acme/api/pipelines/{enc(P42)}/steps/", query="page=1&pagelen=100")
write("step-build.json", build, "GET", f"/repositories/acme/api/pipelines/{enc(P42)}/steps/{enc(S_BUILD)}")
write("step-integration-tests.json", integration, "GET",
      f"/repositories/acme/api/pipelines/{enc(P42)}/steps/{enc(S_TEST)}")

# 250 steps of the matrix pipeline; page 2 lacks `next`
STEPS_BASE = f"{API}/repositories/acme/api/pipelines/{enc(P44)}/steps/"
matrix = [step(numbered_uuid("7a3c0000", n), f"Shard {n}", P44, step_state_completed("SUCCESSFUL"),
               "2025-11-20T11:00:10.000Z", "2025-11-20T11:05:10.000Z", 300, [f"./gradlew test -Pshard={n}"])
          for n in range(1, 251)]
for p in (1, 2, 3):
    write(f"steps-250-page{p}.json",
          page(matrix[(p - 1) * 100: p * 100], page_no=p, size=250, next_=(p == 1), base=STEPS_BASE,
               previous=(p > 1)),
          "GET", f"/repositories/acme/api/pipelines/{enc(P44)}/steps/", query=f"page={p}&pagelen=100")

# the running pipeline's step, which has only just started: its log is still empty
S43 = "{e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7081}"
deploy = step(S43, "Deploy to staging", P43,
              {"type": "pipeline_step_state_in_progress", "name": "IN_PROGRESS"},
              "2025-11-20T10:02:30.000Z", None, None, ["./deploy.sh staging"])
del deploy["completed_on"], deploy["duration_in_seconds"]
deploy["build_seconds_used"] = 0
write("step-deploy-running.json", deploy, "GET", f"/repositories/acme/api/pipelines/{enc(P43)}/steps/{enc(S43)}")
write("step-log-empty.txt", "", "GET", f"/repositories/acme/api/pipelines/{enc(P43)}/steps/{enc(S43)}/log",
      content_type="text/plain")

# one step for each of the 20 mobile pipelines (the file answers every one of them)
fan_step = step("{8b4d0000-0000-4000-8000-000000000001}", "Build APK", numbered_uuid("6f2b0000", 20),
                step_state_completed("SUCCESSFUL"), "2025-11-20T08:00:10.000Z", "2025-11-20T08:04:50.000Z", 280,
                ["./gradlew assembleRelease"], image={"name": "cimg/android:2024.10"}, repo="mobile")
write("steps-mobile.json", page([fan_step], next_=False), "GET",
      f"/repositories/acme/mobile/pipelines/{enc(numbered_uuid('6f2b0000', 20))}/steps/", query="page=1&pagelen=100")

# ---------------------------------------------------------------- logs
STEP_BASE = f"/repositories/acme/api/pipelines/{enc(P42)}/steps/{enc(S_BUILD)}"
log_lines = ["+ umask 000", "+ GIT_LFS_SKIP_SMUDGE=1 retry 6 git clone --branch=\"main\" --depth 50 ...",
             "Cloning into '/opt/atlassian/pipelines/agent/build'...", "+ mvn -B verify"]
for n in range(1, 121):
    log_lines.append(f"[INFO] Running io.acme.api.Module{n:03d}Test")
    log_lines.append(f"[INFO] Tests run: {n % 7 + 1}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.{n:03d} s")
log_lines += ["[INFO] BUILD SUCCESS", "[INFO] Total time:  02:28 min", "Searching for test report files in directories named [test-results, failsafe-reports, test-reports, TestResults, surefire-reports] down to a depth of 4", "Finished scanning for test reports. Found 3 test report files.", "Merged test suites, total number tests is 3, with 1 failures and 1 errors."]
write("step-log-build.txt", "\n".join(log_lines) + "\n", "GET", f"{STEP_BASE}/log",
      content_type="text/plain")

long_lines = []
for n in range(1, 9):
    long_lines.append(f"[DEBUG] classpath {n}: " + ":".join(f"/root/.m2/repository/io/acme/lib{n}-{k}/1.0/lib{n}-{k}-1.0.jar" for k in range(45)))
write("step-log-long-lines.txt", "\n".join(long_lines) + "\n", "GET",
      f"/repositories/acme/api/pipelines/{enc(P42)}/steps/{enc(S_TEST)}/log", content_type="text/plain")

postgres_log = "\n".join([
    "The files belonging to this database system will be owned by user \"postgres\".",
    "PostgreSQL init process complete; ready for start up.",
    "2025-11-20 09:15:12.001 UTC [1] LOG:  starting PostgreSQL 16.4 on x86_64-pc-linux-musl",
    "2025-11-20 09:15:12.004 UTC [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
    "2025-11-20 09:15:12.010 UTC [1] LOG:  database system is ready to accept connections",
]) + "\n"
write("service-log-postgres.txt", postgres_log, "GET", f"{STEP_BASE}/logs/{enc(LOG_POSTGRES)}",
      content_type="text/plain")

write("log-range-not-satisfiable.json", error("Requested range not satisfiable"), "GET", f"{STEP_BASE}/log",
      status=416)

# ---------------------------------------------------------------- test reports
TEST_BASE = f"/repositories/acme/api/pipelines/{enc(P42)}/steps/{enc(S_TEST)}/test_reports"
write("test-report-summary.json",
      {"total": 4, "success": 1, "failed": 1, "skipped": 1, "error": 1, "duration_in_seconds": 12.5},
      "GET", TEST_BASE)
write("test-report-not-found.json",
      error("Not found", "No test reports found for this step."),
      "GET", f"/repositories/acme/api/pipelines/{enc(P42)}/steps/{enc(S_BUILD)}/test_reports", status=404)


def test_case(uuid, name, status, duration):
    return {"type": "test_case", "uuid": uuid, "name": name,
            "fully_qualified_name": f"io.acme.api.LoginIT.{name}", "package_name": "io.acme.api",
            "status": status, "duration": duration}


cases = [test_case(TC_OK, "logsInWithSso", "SUCCESS", "PT0.123S"),
         test_case(TC_FAIL, "rejectsAnExpiredToken", "FAILED", "PT1.5S"),
         test_case(TC_ERROR, "refreshesTheSession", "ERROR", "PT0.042S"),
         test_case(TC_SKIP, "logsOutEverywhere", "SKIPPED", "PT0S")]
write("test-cases.json", page(cases, next_=False), "GET", f"{TEST_BASE}/test_cases", query="page=1&pagelen=100")
write("test-case-reasons.json", page([{
    "type": "test_case_reason",
    "message": "expected: <401> but was: <200>",
    "stack_trace": "org.opentest4j.AssertionFailedError: expected: <401> but was: <200>\n\tat io.acme.api.LoginIT.rejectsAnExpiredToken(LoginIT.java:88)",
}], next_=False), "GET", f"{TEST_BASE}/test_cases/{enc(TC_FAIL)}/test_case_reasons", query="page=1&pagelen=100")

# ---------------------------------------------------------------- variables
write("workspace-variables.json", page([
    {"type": "pipeline_variable", "uuid": "{2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a}", "key": "AWS_REGION",
     "value": "eu-west-1", "secured": False},
    {"type": "pipeline_variable", "uuid": "{3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b}", "key": "AWS_SECRET_ACCESS_KEY",
     "secured": True},
    {"type": "pipeline_variable", "uuid": "{4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c}", "key": "SONAR_TOKEN",
     "value": "", "secured": True},
], next_=False), "GET", "/workspaces/acme/pipelines-config/variables", query="page=1&pagelen=100")

# ---------------------------------------------------------------- OIDC
OIDC = f"{API}/workspaces/acme/pipelines-config/identity/oidc"
write("oidc-configuration.json", {
    "issuer": OIDC,
    "jwks_uri": f"{OIDC}/keys.json",
    "subject_types_supported": ["public", "pairwise"],
    "response_types_supported": ["id_token"],
    "claims_supported": ["sub", "aud", "iss", "iat", "exp", "workspaceUuid", "repositoryUuid", "pipelineUuid",
                         "stepUuid", "branchName", "deploymentEnvironmentUuid"],
    "id_token_signing_alg_values_supported": ["RS256"],
    "scopes_supported": ["openid"],
}, "GET", "/workspaces/acme/pipelines-config/identity/oidc/.well-known/openid-configuration")
write("oidc-keys.json", {"keys": [{
    "kty": "RSA",
    "e": "AQAB",
    "use": "sig",
    "kid": "ari:cloud:bitbucket::workspace/3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c",
    "alg": "RS256",
    "n": "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw",
}]}, "GET", "/workspaces/acme/pipelines-config/identity/oidc/keys.json")

# ---------------------------------------------------------------- errors
P42_PATH = f"/repositories/acme/api/pipelines/{enc(P42)}"
write("error-400.json", error("Bad request", "The pipeline UUID is malformed."), "GET", P42_PATH, status=400)
write("error-401.json", error("Access token expired. Use your refresh token to obtain a new access token."),
      "GET", P42_PATH, status=401)
write("error-403.json", error("Your credentials lack one or more required privilege scopes.",
                              "This API requires the scope read:pipeline:bitbucket."), "GET", P42_PATH, status=403)
write("error-404.json", error("Not found", "Pipeline not found."), "GET", P42_PATH, status=404)
write("error-409.json", error("Conflict", "The pipeline is being updated; try again."), "GET", P42_PATH,
      status=409)
write("error-429.json", error("Rate limit for this resource has been exceeded"), "GET", P42_PATH, status=429)
write("error-500.json", error("Something went wrong"), "GET", P42_PATH, status=500)
write("error-502.json", error("Bad gateway"), "GET", P42_PATH, status=502)
write("error-503.json", error("Service unavailable"), "GET", P42_PATH, status=503)
write("repository-not-found.json", error("Repository acme/gone not found"), "GET", "/repositories/acme/gone",
      status=404)
# Bitbucket keeps no Pipelines configuration for a repository until Pipelines is first enabled there.
write("pipelines-config-not-found.json", error("Not found"), "GET", "/repositories/acme/api/pipelines_config",
      status=404)

# The mutation tests' payloads are written by hand, not by this script: their entries are kept as they are.
if os.path.exists(os.path.join(OUT, "index.json")):
    with open(os.path.join(OUT, "index.json"), encoding="utf-8") as f:
        for name, entry in json.load(f).items():
            index.setdefault(name, entry)

with open(os.path.join(OUT, "index.json"), "w", encoding="utf-8") as f:
    json.dump(dict(sorted(index.items())), f, indent=2)
    f.write("\n")
print(len(index), "payloads")
