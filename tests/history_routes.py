"""Every /api/v1/me route, for the history tests."""

#: Every /me route and method, with ids that exist for nobody.
ROUTES = [("GET", "/api/v1/me"), ("DELETE", "/api/v1/me"), ("GET", "/api/v1/me/export"),
          ("GET", "/api/v1/me/export.nq"), ("GET", "/api/v1/me/export.jsonld"),
          ("POST", "/api/v1/me/imports"), ("GET", "/api/v1/me/workouts"),
          ("POST", "/api/v1/me/workouts"), ("GET", "/api/v1/me/workouts/0123456789abcdef"),
          ("DELETE", "/api/v1/me/workouts/0123456789abcdef"),
          ("GET", "/api/v1/me/progress?exercise=barbell-squat"),
          ("GET", "/api/v1/me/volume?weeks=4")]
