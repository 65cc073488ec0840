/// The API's OpenAPI 3.1 description, served at `/openapi.json`; the tests check every
/// response against it.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "newsidx",
        "version": "1.0.0",
        "description": "Read-only search over a newsidx news archive. Hits carry the keys of `newsidx search --json`."
      },
      "paths": {
        "/api/search": {
          "get": {
            "operationId": "search",
            "summary": "BM25-ranked stories for a query in the query language of `newsidx search`",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 1000}, "description": "The query; one that does not parse is searched as its plain words (see `notes`). At most 1000 bytes of UTF-8; one without a word to search for (only spaces or punctuation, or words longer than 255 bytes, which are not indexed) is a 400."},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
              {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
              {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "newest", "oldest", ""], "default": "relevance"}, "description": "Empty: relevance (as a form with nothing chosen sends it)"},
              {"name": "since", "in": "query", "schema": {"type": "string"}, "description": "2025-10-27, 2025-10, 2025, or 7d, 2w, 3m, 1y back from today; empty: no bound. Anything else, or a since after until, is a 400."},
              {"name": "until", "in": "query", "schema": {"type": "string"}},
              {"name": "any", "in": "query", "schema": {"type": "string", "enum": ["0", "1", ""], "default": "0"}, "description": "1: any word may match; 0 or empty: every word must"},
              {"name": "source", "in": "query", "schema": {"type": "string"}, "description": "Only stories of this source (its words, in order); empty: any. One without a word to look for is a 400."},
              {"name": "place", "in": "query", "schema": {"type": "string"}, "description": "Only stories with this place in their dateline; empty: any. One without a word to look for is a 400."},
              {"name": "lang", "in": "query", "schema": {"type": "string"}, "description": "Only stories in this language: a code such as en, ko, ru or zh (und: stories whose language is unknown); empty: any. Anything else is a 400."},
              {"name": "feedback", "in": "query", "schema": {"type": "string", "enum": ["0", "1", "auto", ""], "default": "0"}, "description": "1: pseudo-relevance feedback (RM3): search again with the words of the 10 best stories, the query keeping half the weight (see feedback_terms); auto: only where the best stories score alike; 0 or empty: none"},
              {"name": "facets", "in": "query", "schema": {"type": "string", "enum": ["0", "1", ""], "default": "0"}, "description": "1: count matches by source, place, language and period; 0 or empty: no counts (facets is null)"}
            ],
            "responses": {
              "200": {"description": "A page of hits", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/api/story/{id}": {
          "get": {
            "operationId": "story",
            "summary": "A stored story",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "200": {"description": "The story", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Story"}}}},
              "404": {"description": "No such story", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/api/stats": {
          "get": {
            "operationId": "stats",
            "summary": "What the index holds, as `newsidx stats --json`",
            "responses": {
              "200": {"description": "Counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/healthz": {
          "get": {
            "operationId": "health",
            "summary": "ok when the index is readable",
            "responses": {
              "200": {"description": "Readable", "content": {"text/plain": {"schema": {"type": "string"}}}},
              "503": {"description": "The newest commit cannot be read", "content": {"text/plain": {"schema": {"type": "string"}}}}
            }
          }
        }
      },
      "components": {
        "responses": {
          "BadRequest": {"description": "A parameter cannot be used; the message names it", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unavailable": {"description": "The index cannot be read", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}, "additionalProperties": false},
          "StoryReference": {
            "type": "object",
            "required": ["id", "root", "path", "title", "date"],
            "properties": {
              "id": {"type": "integer"}, "root": {"type": "string"}, "path": {"type": "string"},
              "title": {"type": "string"}, "date": {"type": ["string", "null"]}
            },
            "additionalProperties": false
          },
          "Ranges": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}},
          "Hit": {
            "type": "object",
            "required": ["rank", "id", "root", "path", "title", "date", "source", "score", "snippet", "highlights", "url", "byline", "place", "lang", "fragments", "total_hits", "total_hits_exact", "cluster", "similar"],
            "properties": {
              "rank": {"type": "integer", "minimum": 1}, "id": {"type": "integer"}, "root": {"type": "string"}, "path": {"type": "string"},
              "title": {"type": "string"}, "date": {"type": ["string", "null"]}, "source": {"type": ["string", "null"]},
              "score": {"type": ["number", "null"]}, "snippet": {"type": "string"}, "highlights": {"$ref": "#/components/schemas/Ranges"},
              "url": {"type": ["string", "null"]}, "byline": {"type": ["string", "null"]}, "place": {"type": ["string", "null"]},
              "lang": {"type": "string", "description": "The story's language: a primary subtag (en, ko), or und when unknown"},
              "fragments": {"type": "array", "items": {
                "type": "object", "required": ["text", "highlights", "start", "end"],
                "properties": {"text": {"type": "string"}, "highlights": {"$ref": "#/components/schemas/Ranges"}, "start": {"type": "integer"}, "end": {"type": "integer"}},
                "additionalProperties": false}},
              "total_hits": {"type": "integer"}, "total_hits_exact": {"type": "boolean"},
              "cluster": {"type": "integer"}, "similar": {"type": "array", "items": {"$ref": "#/components/schemas/StoryReference"}},
              "notes": {"type": "array", "items": {"type": "string"}},
              "feedback_terms": {"type": "array", "items": {"$ref": "#/components/schemas/FeedbackTerm"}, "description": "With feedback: as in the response"}
            },
            "additionalProperties": false
          },
          "FacetValue": {"type": "object", "required": ["value", "count"], "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}, "additionalProperties": false},
          "FacetPeriod": {"type": "object", "required": ["period", "count"], "properties": {"period": {"type": "string"}, "count": {"type": "integer"}}, "additionalProperties": false},
          "SearchResponse": {
            "type": "object",
            "required": ["total_hits", "total_hits_exact", "took_ms", "hits", "facets", "suggestion"],
            "properties": {
              "total_hits": {"type": "integer"}, "total_hits_exact": {"type": "boolean"}, "took_ms": {"type": "number"},
              "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
              "facets": {"oneOf": [{"type": "null"}, {
                "type": "object", "required": ["source", "place", "lang", "date"],
                "properties": {
                  "source": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                  "place": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                  "lang": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                  "date": {"type": "array", "items": {"$ref": "#/components/schemas/FacetPeriod"}}
                },
                "additionalProperties": false}]},
              "suggestion": {"type": ["string", "null"]},
              "notes": {"type": "array", "items": {"type": "string"}},
              "feedback_terms": {"type": "array", "items": {"$ref": "#/components/schemas/FeedbackTerm"}, "description": "With feedback: the words it added, heaviest first; an empty array when it added none (auto kept the query whole, a query without any=1 found one story, or the stories offered no new word)"}
            },
            "additionalProperties": false
          },
          "FeedbackTerm": {
            "type": "object", "required": ["term", "weight"],
            "properties": {"term": {"type": "string", "description": "As indexed (stemmed)"}, "weight": {"type": "number"}},
            "additionalProperties": false
          },
          "Story": {
            "type": "object",
            "required": ["path", "format", "title", "date", "source", "byline", "url", "lang", "body", "id", "root", "cluster", "similar"],
            "properties": {
              "path": {"type": "string"}, "format": {"type": ["string", "null"]}, "title": {"type": "string"},
              "date": {"type": ["string", "null"]}, "source": {"type": ["string", "null"]}, "byline": {"type": ["string", "null"]},
              "url": {"type": ["string", "null"]}, "lang": {"type": ["string", "null"]}, "body": {"type": "string"},
              "id": {"type": "integer"}, "root": {"type": "string"}, "cluster": {"type": "integer"},
              "similar": {"type": "array", "items": {"$ref": "#/components/schemas/StoryReference"}}
            },
            "additionalProperties": false
          },
          "Stats": {
            "type": "object",
            "required": ["stories", "languages", "terms", "segments", "bytes", "roots"],
            "properties": {
              "stories": {"type": "integer"}, "languages": {"type": "object", "additionalProperties": {"type": "integer"}}, "terms": {"type": "integer"}, "segments": {"type": "integer"},
              "bytes": {"type": "integer"}, "roots": {"type": "array", "items": {"type": "string"}}
            }
          }
        }
      }
    }
    """#
}
