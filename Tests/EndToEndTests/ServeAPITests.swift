import Foundation
import Testing

/// `newsidx serve`'s JSON API: `/api/search` with the keys of `newsidx search --json`,
/// `/api/story/ID` with those of `extract --json`, `/api/stats` as `stats --json`,
/// `/healthz`, the 400s that name the parameter, and `/openapi.json`, against which every
/// response is checked.
@Suite struct ServeAPITests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    static let searchKeys: Set<String> = ["total_hits", "total_hits_exact", "took_ms", "hits", "facets", "suggestion"]

    @Test func searchAnswersTheContractKeysWithNullFacetsUnlessAsked() throws {
        let server = try ServerProcess(index: try indexShippedCorpus(in: tmp))
        let r = try server.getJSON("/api/search?q=Lavrov+Kursk")
        #expect(Set(r.keys) == Self.searchKeys, "\(r.keys)")
        #expect(jsonInt(r["total_hits"]) == 1)
        #expect(r["total_hits_exact"] as? Bool == true)
        #expect(isJSONNumber(r["took_ms"]))
        #expect(r["facets"] is NSNull)
        #expect(r["suggestion"] is NSNull)
        let hits = try #require(r["hits"] as? [[String: Any]])
        #expect(hits.map { $0["path"] as? String } == [Repo.seedName])
        #expect(server.stop() == 0)
    }

    @Test(arguments: ["Lavrov Kursk", "the", "wheat OR minister"])
    func hitsHaveExactlyTheKeysOfSearchJSON(_ query: String) throws {
        let index = try indexShippedCorpus(in: tmp)
        let cli = jsonObjects(try newsidx(["search", "--index", index, "--json", query]))
        try #require(!cli.isEmpty)
        let server = try ServerProcess(index: index)
        let hits = try #require(try server.getJSON("/api/search?q=" + urlEncoded(query))["hits"] as? [[String: Any]])
        #expect(hits.count == cli.count)
        for (api, line) in zip(hits, cli) {
            #expect(Set(api.keys) == Set(line.keys), "API \(api.keys.sorted())\nCLI \(line.keys.sorted())")
            #expect(api["path"] as? String == line["path"] as? String)
            #expect(idArgument(api["id"]) == idArgument(line["id"]))
            #expect(api["snippet"] as? String == line["snippet"] as? String)
        }
        #expect(server.stop() == 0)
    }

    @Test func feedbackOneSaysWhichWordsItAddedAsTheCLIDoes() throws {
        let index = try indexShippedCorpus(in: tmp)
        let cli = jsonObjects(try newsidx(["search", "--index", index, "--json", "--any", "--feedback", "Lavrov Kursk"]))
        try #require(!cli.isEmpty)
        let server = try ServerProcess(index: index)
        let r = try server.getJSON("/api/search?q=Lavrov+Kursk&any=1&feedback=1")
        let added = try #require(r["feedback_terms"] as? [[String: Any]], "\(r.keys)")
        #expect(!added.isEmpty)
        #expect(added.allSatisfy { $0["term"] is String && isJSONNumber($0["weight"]) })
        let terms = added.map { $0["term"] as? String }
        #expect(terms == (cli[0]["feedback_terms"] as? [[String: Any]])?.map { $0["term"] as? String })
        let hits = try #require(r["hits"] as? [[String: Any]])
        #expect(hits.map { $0["path"] as? String } == cli.map { $0["path"] as? String })
        #expect(jsonInt(r["total_hits"]).map { $0 > 1 } == true)
        let plain = try server.getJSON("/api/search?q=Lavrov+Kursk&any=1")
        #expect(plain["feedback_terms"] == nil)
        #expect(server.stop() == 0)
    }

    @Test func facetsOneCountsSourcesPlacesAndPeriods() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let r = try server.getJSON("/api/search?q=wheat&facets=1")
        let facets = try #require(r["facets"] as? [String: Any], "\(r)")
        #expect(Set(facets.keys) == ["source", "place", "lang", "date"])
        let sources = (facets["source"] as? [[String: Any]] ?? []).map { "\($0["value"] as? String ?? "?")=\(jsonInt($0["count"]) ?? -1)" }
        let places = (facets["place"] as? [[String: Any]] ?? []).map { "\($0["value"] as? String ?? "?")=\(jsonInt($0["count"]) ?? -1)" }
        let periods = (facets["date"] as? [[String: Any]] ?? []).map { "\($0["period"] as? String ?? "?")=\(jsonInt($0["count"]) ?? -1)" }
        // The copy counts too: facets count matching stories.
        #expect(sources == ["Reuters=2", "Kyodo=1"], "\(facets)")
        #expect(places == ["MOSCOW=2", "TOKYO=1"], "\(facets)")
        #expect(periods == ["2025-08=2", "2025-09=0", "2025-10=1"], "\(facets)")
        let lighthouse = try server.getJSON("/api/search?q=lighthouse&facets=1")["facets"] as? [String: Any]
        #expect((lighthouse?["source"] as? [Any])?.count == 10, "top 10 of 12")
        #expect((lighthouse?["place"] as? [Any])?.count == 10, "top 10 of 12")
        #expect(server.stop() == 0)
    }

    @Test func limitAndOffsetPageThroughTheHits() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let all = try #require(try server.getJSON("/api/search?q=lighthouse&limit=12")["hits"] as? [[String: Any]])
        #expect(all.count == 12)
        let page = try #require(try server.getJSON("/api/search?q=lighthouse&limit=5&offset=5")["hits"] as? [[String: Any]])
        #expect(page.compactMap { jsonInt($0["rank"]) } == [6, 7, 8, 9, 10])
        #expect(page.compactMap { idArgument($0["id"]) } == all[5..<10].compactMap { idArgument($0["id"]) })
        let past = try server.getJSON("/api/search?q=lighthouse&offset=12")
        #expect((past["hits"] as? [Any])?.isEmpty == true && jsonInt(past["total_hits"]) == 12, "\(past)")
        #expect(server.stop() == 0)
    }

    @Test func sortSinceUntilAnySourceAndPlaceNarrowAndOrder() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        func dates(_ query: String) throws -> [String] {
            (try server.getJSON("/api/search?" + query)["hits"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
        }
        let newest = try dates("q=lighthouse&limit=12&sort=newest")
        #expect(newest.count == 12 && newest == newest.sorted(by: >), "\(newest)")
        let oldest = try dates("q=lighthouse&limit=12&sort=oldest")
        #expect(oldest == newest.reversed(), "\(oldest)")
        #expect(try dates("q=lighthouse&since=2025-03&until=2025-04").sorted() == ["2025-03-12", "2025-03-13", "2025-04-14"])
        func count(_ query: String) throws -> Int? { (try server.getJSON("/api/search?" + query)["hits"] as? [Any])?.count }
        #expect(try count("q=marmalade+Kyodo") == 0)
        #expect(try count("q=marmalade+Kyodo&any=1") == 3)
        #expect(try dates("q=wheat&source=Kyodo") == ["2025-10-02"])
        #expect(try dates("q=wheat&place=moscow").first == "2025-08-14")
        #expect(server.stop() == 0)
    }

    @Test func aMisspelledQueryGetsASuggestion() throws {
        let server = try ServerProcess(index: try indexShippedCorpus(in: tmp))
        let r = try server.getJSON("/api/search?q=Lavrof")
        #expect((r["suggestion"] as? String)?.lowercased() == "lavrov", "\(r)")
        #expect(server.stop() == 0)
    }

    @Test func aQueryReadAsPlainWordsCarriesNotes() throws {
        let server = try ServerProcess(index: try indexShippedCorpus(in: tmp))
        let r = try server.getJSON("/api/search?q=" + urlEncoded("Lavrov \"Kursk"))
        let note = "unbalanced quote at column 8 ignored; searched as plain words"
        #expect(r["notes"] as? [String] == [note], "\(r)")
        let hits = r["hits"] as? [[String: Any]] ?? []
        #expect(!hits.isEmpty && hits.allSatisfy { $0["notes"] as? [String] == [note] })
        #expect(try server.getJSON("/api/search?q=Lavrov+Kursk")["notes"] == nil)
        #expect(server.stop() == 0)
    }

    @Test(arguments: [
        ("", "q"), ("q=", "q"), ("q=%20%20", "q"), ("limit=5", "q"), ("q=%22", "q"),
        ("q=wheat&limit=0", "limit"), ("q=wheat&limit=101", "limit"), ("q=wheat&limit=ten", "limit"),
        ("q=wheat&offset=10001", "offset"), ("q=wheat&offset=-1", "offset"),
        ("q=wheat&sort=best", "sort"), ("q=wheat&since=yesterday", "since"), ("q=wheat&until=2025-02-30", "until"),
        ("q=wheat&any=2", "any"), ("q=wheat&facets=yes", "facets"), ("q=wheat&source=%21%21", "source"),
        ("q=wheat&place=%2A", "place"), ("q=" + String(repeating: "a", count: 1_001), "q"),
        ("q=" + String(repeating: "%C3%A9", count: 501), "q"),
    ])
    func aBadParameterIs400NamingIt(_ query: String, _ parameter: String) throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let r = try server.getJSON("/api/search?" + query, status: 400)
        #expect(Array(r.keys) == ["error"], "\(r)")
        let message = try #require(r["error"] as? String)
        #expect(message.range(of: "\\b\(parameter)\\b", options: .regularExpression) != nil, "\(query): \(message)")
        #expect(server.stop() == 0)
    }

    @Test func limitsAtTheirBoundsAreAccepted() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        _ = try server.getJSON("/api/search?q=wheat&limit=100")
        _ = try server.getJSON("/api/search?q=wheat&offset=10000")
        let words = String(repeating: "wheat ", count: 166) + "whea"  // 1,000 bytes exactly
        #expect(words.utf8.count == 1_000)
        _ = try server.getJSON("/api/search?q=" + urlEncoded(words))
        #expect(server.stop() == 0)
    }

    @Test(arguments: [
        ("GET", [("Content-Length", "5")], "hello"),
        ("GET", [("Transfer-Encoding", "chunked")], "5\r\nhello\r\n0\r\n\r\n"),
        ("POST", [], "q=wheat"),
        ("PUT", [], "q=wheat"),
        ("DELETE", [], ""),
    ])
    func aRequestWithABodyOrAnotherMethodIsRefused(_ method: String, _ headers: [(String, String)], _ body: String) throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let reply = try server.request(method, "/api/search?q=wheat", headers: headers, body: body.isEmpty ? nil : Data(body.utf8))
        #expect((400..<500).contains(reply.status), "\(reply)")
        #expect(reply.json.map { Array($0.keys) } == ["error"], "\(reply)")
        #expect(try server.get("/healthz").status == 200)
        #expect(server.stop() == 0)
    }

    @Test func aStoryHasTheKeysAndValuesOfExtractJSONAndWhereItLives() throws {
        let index = try indexShippedCorpus(in: tmp)
        let server = try ServerProcess(index: index)
        for file in [Repo.seedName, "html/3ce1c8fdf6ad2ded.html"] {
            let hits = jsonObjects(try newsidx(["search", "--index", index, "--json", "path:\"\(file)\""]))
            let hit = try #require(hits.first { $0["path"] as? String == file }, "\(hits)")
            let id = try #require(idArgument(hit["id"]))
            let story = try server.getJSON("/api/story/\(id)")
            let extracted = try #require(jsonObjects(try newsidx(["extract", "--json", Repo.corpus + "/" + file])).first)
            #expect(Set(story.keys) == Set(extracted.keys).union(["id", "root", "cluster", "similar"]), "\(story.keys.sorted())")
            for key in ["format", "title", "date", "source", "byline", "url", "lang", "body"] {
                #expect(String(describing: story[key] ?? "missing") == String(describing: extracted[key] ?? "missing"), "\(file): \(key)")
            }
            #expect(story["path"] as? String == file)
            #expect(story["root"] as? String == Repo.corpus)
            #expect(idArgument(story["id"]) == id)
            #expect(idArgument(story["cluster"]) == id)
            #expect((story["similar"] as? [Any])?.isEmpty == true)
        }
        #expect(server.stop() == 0)
    }

    @Test func aStoryListsItsCopies() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let hit = try #require((try server.getJSON("/api/search?q=wheat+exports")["hits"] as? [[String: Any]])?.first)
        let id = try #require(idArgument(hit["id"]))
        let story = try server.getJSON("/api/story/\(id)")
        let copies = try #require(story["similar"] as? [[String: Any]])
        #expect(copies.count == 1)
        #expect(Set(copies.first.map { Array($0.keys) } ?? []) == ["id", "root", "path", "title", "date"])
        #expect(idArgument(story["cluster"]) == idArgument(hit["cluster"]))
        #expect(server.stop() == 0)
    }

    @Test(arguments: ["999999", "abc", "-1", "..%2f..%2fetc%2fpasswd", "99999999999999999999999"])
    func anUnknownStoryIsA404WithAnError(_ id: String) throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let r = try server.getJSON("/api/story/\(id)", status: 404)
        #expect(Array(r.keys) == ["error"], "\(r)")
        #expect(server.stop() == 0)
    }

    @Test func statsIsExactlyTheStatsJSONObject() throws {
        let index = try indexShippedCorpus(in: tmp)
        let cli = try #require(jsonObjects(try newsidx(["stats", "--index", index, "--json"])).first)
        let server = try ServerProcess(index: index)
        let api = try server.getJSON("/api/stats")
        #expect(NSDictionary(dictionary: api).isEqual(to: cli), "API \(api)\nCLI \(cli)")
        #expect(server.stop() == 0)
    }

    @Test func healthzSaysOk() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let reply = try server.get("/healthz")
        #expect(reply.status == 200)
        #expect(reply.text.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "\(reply)")
        #expect(server.stop() == 0)
    }

    @Test func theOpenAPIDocumentIsOpenAPI31AndDescribesTheAPI() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let doc = try server.getJSON("/openapi.json")
        #expect((doc["openapi"] as? String)?.hasPrefix("3.1") == true, "\(doc["openapi"] ?? "none")")
        let paths = try #require(doc["paths"] as? [String: Any])
        #expect(Set(paths.keys).isSuperset(of: ["/api/search", "/api/story/{id}", "/api/stats", "/healthz"]), "\(paths.keys)")
        #expect((doc["info"] as? [String: Any])?["title"] is String)
        #expect(server.stop() == 0)
    }

    @Test func everyAPIResponseMatchesTheOpenAPISchemas() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let doc = try server.getJSON("/openapi.json")
        let storyID = try #require(idArgument((try server.getJSON("/api/search?q=wheat+exports")["hits"] as? [[String: Any]])?.first?["id"]))
        let cases: [(path: String, route: String, status: Int)] = [
            ("/api/search?q=wheat", "/api/search", 200),
            ("/api/search?q=wheat+exports&facets=1", "/api/search", 200),
            ("/api/search?q=lighthouse&limit=12&facets=1&sort=newest", "/api/search", 200),
            ("/api/search?q=" + urlEncoded("wheat \"exports"), "/api/search", 200),
            ("/api/search?q=wheet", "/api/search", 200),
            ("/api/search?q=marmalade&any=1&facets=1", "/api/search", 200),
            ("/api/search?q=nothingmatchesthis", "/api/search", 200),
            ("/api/search?q=wheat&limit=0", "/api/search", 400),
            ("/api/search", "/api/search", 400),
            ("/api/story/\(storyID)", "/api/story/{id}", 200),
            ("/api/story/999999", "/api/story/{id}", 404),
            ("/api/stats", "/api/stats", 200),
        ]
        for c in cases {
            let reply = try server.get(c.path)
            #expect(reply.status == c.status, "GET \(c.path)\n\(reply)")
            let body = try #require(try? JSONSerialization.jsonObject(with: reply.body, options: [.fragmentsAllowed]), "GET \(c.path)\n\(reply)")
            let schema = try #require(OpenAPISchemas.responseSchema(doc, path: c.route, status: c.status), "no schema for \(c.route) \(c.status)")
            let problems = OpenAPISchemas.violations(of: body, against: schema, in: doc, at: "$")
            #expect(problems.isEmpty, "GET \(c.path):\n\(problems.joined(separator: "\n"))")
        }
        #expect(server.stop() == 0)
    }

    @Test func theOpenSearchDescriptionIsServed() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let reply = try server.get("/opensearch.xml")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type")?.hasPrefix("application/opensearchdescription+xml") == true, "\(reply)")
        #expect(reply.text.contains("<OpenSearchDescription"), "\(reply)")
        #expect(reply.text.contains("template=\"http://127.0.0.1:\(server.port)/search?q={searchTerms}\""), "\(reply)")
        #expect(server.stop() == 0)
    }
}

/// A small checker of JSON values against the OpenAPI document's schemas: `$ref`, `type`
/// (one or a list), `required`, `properties`, `additionalProperties: false`, `items`,
/// `oneOf`, `enum`, `minimum`, `minItems`/`maxItems`.
enum OpenAPISchemas {
    /// The JSON schema of `route`'s GET response with `status`, references followed.
    static func responseSchema(_ doc: [String: Any], path route: String, status: Int) -> [String: Any]? {
        guard let paths = doc["paths"] as? [String: Any], let item = paths[route] as? [String: Any],
              let get = item["get"] as? [String: Any], let responses = get["responses"] as? [String: Any],
              var response = responses[String(status)] as? [String: Any] else { return nil }
        if let ref = response["$ref"] as? String, let resolved = resolve(ref, in: doc) { response = resolved }
        let content = response["content"] as? [String: Any]
        return (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
    }

    static func resolve(_ ref: String, in doc: [String: Any]) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = doc
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return "boolean" }
            return n.doubleValue.rounded() == n.doubleValue ? "integer" : "number"
        default: return "unknown"
        }
    }

    static func violations(of value: Any, against schema: [String: Any], in doc: [String: Any], at path: String) -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let resolved = resolve(ref, in: doc) else { return ["\(path): unresolvable \(ref)"] }
            return violations(of: value, against: resolved, in: doc, at: path)
        }
        var problems: [String] = []
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { violations(of: value, against: $0, in: doc, at: path).isEmpty }
            if matching.count != 1 {
                problems.append("\(path): matches \(matching.count) of oneOf's \(options.count) schemas: "
                    + options.flatMap { violations(of: value, against: $0, in: doc, at: path) }.joined(separator: "; "))
            }
        }
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? "?"]
            let actual = typeName(value)
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { problems.append("\(path): \(actual), expected \(allowed)") }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) not in \(options)")
        }
        if let minimum = schema["minimum"] as? NSNumber, let n = value as? NSNumber, typeName(value) != "boolean",
           n.doubleValue < minimum.doubleValue {
            problems.append("\(path): \(n) < minimum \(minimum)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): required key \(key) missing")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, child) in object {
                if let sub = properties[key] as? [String: Any] {
                    problems += violations(of: child, against: sub, in: doc, at: path + "." + key)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path): key \(key) not in the schema (additionalProperties: false)")
                }
            }
        }
        if let array = value as? [Any] {
            if let n = schema["minItems"] as? Int, array.count < n { problems.append("\(path): fewer than \(n) items") }
            if let n = schema["maxItems"] as? Int, array.count > n { problems.append("\(path): more than \(n) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, element) in array.enumerated() {
                    problems += violations(of: element, against: items, in: doc, at: "\(path)[\(i)]")
                }
            }
        }
        return problems
    }
}
