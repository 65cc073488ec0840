import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `newsidx serve` as a process: the line it prints once listening, its access log,
/// commits by other processes served without restart, SIGTERM and SIGINT, and the exit
/// statuses for a taken port, a missing or damaged index and bad options.
@Suite struct ServeLifecycleTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    @Test func itPrintsOneLineNamingTheIndexAndTheAddressOnceListening() throws {
        let index = try indexServeCorpus(in: tmp)
        let server = try ServerProcess(index: index)
        #expect(server.listeningLine == "newsidx: serving \(index) at http://127.0.0.1:\(server.port)/")
        #expect(server.port > 0)
        #expect(try server.get("/healthz").status == 200)
        #expect(server.stop() == 0)
        #expect(server.stdoutText == server.listeningLine + "\n", "exactly one line on stdout")
    }

    @Test func theAccessLogHasALinePerRequestWithOnlyTheQuerysValue() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        _ = try server.get("/search?q=Lavrov+Kursk&page=1&source=secret-source&place=secret-place")
        _ = try server.get("/api/story/999999")
        _ = try server.get("/healthz")
        let logged = server.waitForStderr { $0.components(separatedBy: "\n").count >= 4 }
        #expect(logged, "\(server.stderrText)")
        #expect(server.stop() == 0)
        let lines = server.stderrText.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        let pattern = #"^GET /search\?q=Lavrov(\+|%20)Kursk&page&source&place 200 [0-9]+\.[0-9]ms$"#
        #expect(lines.first?.range(of: pattern, options: .regularExpression) != nil, "\(lines)")
        #expect(lines.count > 1 && lines[1].range(of: #"^GET /api/story/999999 404 [0-9]+\.[0-9]ms$"#, options: .regularExpression) != nil, "\(lines)")
        #expect(!server.stderrText.contains("secret"), "only q keeps its value")
    }

    @Test func quietWritesNoAccessLog() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp), arguments: ["--quiet"])
        _ = try server.get("/search?q=wheat")
        _ = try server.get("/api/search?q=wheat")
        _ = try server.get("/no/such/page")
        #expect(server.stop() == 0)
        #expect(server.stderrText.isEmpty, "\(server.stderrText)")
    }

    @Test func sigtermStopsItWithStatusZero() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        _ = try server.get("/api/search?q=wheat")
        #expect(server.stop(signal: SIGTERM) == 0)
        #expect(server.exitedNormally)
    }

    @Test func sigintStopsItWithStatusZero() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        _ = try server.get("/api/search?q=wheat")
        #expect(server.stop(signal: SIGINT) == 0)
        #expect(server.exitedNormally)
    }

    @Test func aRequestUnderWayWhenSigtermArrivesIsAnswered() throws {
        let server = try ServerProcess(index: try indexShippedCorpus(in: tmp))
        // Requests go on a loop while the signal comes; each one the server began to answer is
        // answered in full. A connection it closes unanswered, or refuses once the listener
        // is closed, is the end of the loop, not a failure.
        let port = server.port
        let worker = BackgroundLoop { problems in
            for _ in 0..<200 {
                do {
                    let reply = try HTTPTestClient.get(port: port, "/search?q=the&sort=newest", timeout: 15)
                    if reply.status != 200 || !reply.text.hasSuffix("</html>\n") { problems.append("\(reply.status)") }
                } catch let error as HTTPClientError
                            where error.message.hasPrefix("connect to") || error.message.hasPrefix("no header end in 0 bytes") {
                    break
                } catch {
                    problems.append("\(error)")
                }
            }
            return 0
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.stop() == 0)
        let (_, problems) = worker.wait()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func aCommitByAnotherProcessIsServedWithinASecond() throws {
        let index = try indexServeCorpus(in: tmp)
        let server = try ServerProcess(index: index)
        #expect(jsonInt(try server.getJSON("/api/search?q=quokka")["total_hits"]) == 0)
        try tmp.write("later/quokka.txt", wireStory("Quokka census", "PERTH, Oct. 3 (AAP) -- Rangers counted every quokka on the island."))
        try requireExit(try newsidx(["add", "--index", index, tmp("later")]), 0)
        let added = Date()
        var seen: TimeInterval?
        while Date().timeIntervalSince(added) < 3 {
            if jsonInt(try server.getJSON("/api/search?q=quokka")["total_hits"]) == 1 {
                seen = Date().timeIntervalSince(added)
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(seen != nil, "the new story was not served within 3 s")
        if let seen { #expect(seen < 1.5, "served after \(seen) s") }
        let stats = try server.getJSON("/api/stats")
        #expect(jsonInt(stats["stories"]) == 18, "\(stats)")
        // The new segment's source and place count in the facets as soon as it is served.
        let facets = try server.getJSON("/api/search?q=quokka&facets=1")["facets"] as? [String: Any]
        let sources = (facets?["source"] as? [[String: Any]] ?? []).map { "\($0["value"] as? String ?? "?")=\(jsonInt($0["count"]) ?? -1)" }
        let places = (facets?["place"] as? [[String: Any]] ?? []).map { "\($0["value"] as? String ?? "?")=\(jsonInt($0["count"]) ?? -1)" }
        #expect(sources == ["AAP=1"] && places == ["PERTH=1"], "\(String(describing: facets))")
        #expect(server.stop() == 0)
    }

    @Test func requestsUnderWayDuringCommitsAllSucceed() throws {
        let index = try indexServeCorpus(in: tmp)
        let server = try ServerProcess(index: index)
        let port = server.port
        let stop = StopFlag()
        // A thread of its own: blocking socket calls on the concurrency pool's two threads
        // would starve the suite's other tests (and this loop with them).
        let worker = BackgroundLoop { problems in
            let paths = ["/api/search?q=lighthouse&facets=1", "/search?q=lighthouse", "/api/search?q=keepers+quokka&any=1",
                         "/api/stats", "/"]
            var count = 0
            while !stop.isSet {
                let path = paths[count % paths.count]
                do {
                    let reply = try HTTPTestClient.get(port: port, path)
                    if reply.status != 200 { problems.append("GET \(path) → \(reply.status): \(reply.text.prefix(300))") }
                } catch {
                    problems.append("GET \(path): \(error)")
                }
                count += 1
            }
            return count
        }
        for round in 0..<4 {
            try tmp.write("later/\(round)/quokka.txt", wireStory(
                "Quokka census \(round)", "PERTH, Oct. \(round + 3) (AAP) -- Rangers counted quokka number \(round) on the island of Rottnest \(String(repeating: "again ", count: round))."))
            try requireExit(try newsidx(["add", "--index", index, tmp("later/\(round)")]), 0)
        }
        // Removing and compacting rewrite and delete segment files under the readers too.
        try requireExit(try newsidx(["rm", "--index", index, tmp("later/0/quokka.txt")]), 0)
        try requireExit(try newsidx(["compact", "--index", index]), 0)
        Thread.sleep(forTimeInterval: 0.6)
        stop.set()
        let (count, problems) = worker.wait()
        #expect(count > 10, "only \(count) requests ran")
        #expect(problems.isEmpty, "\(problems.count) of \(count) failed:\n\(problems.prefix(10).joined(separator: "\n"))")
        #expect(jsonInt(try server.getJSON("/api/search?q=quokka")["total_hits"]) == 3)
        #expect(server.stop() == 0)
    }

    @Test func aTakenPortIsStatus75NamingThePort() throws {
        let index = try indexServeCorpus(in: tmp)
        let first = try ServerProcess(index: index)
        let second = try newsidx(["serve", "--index", index, "--port", String(first.port)], timeout: 20)
        expectExit(second, 75)
        #expect(second.stderr.contains(String(first.port)), "\(second)")
        #expect(second.stdout.isEmpty, "\(second)")
        #expect(try first.get("/healthz").status == 200, "the first server is unharmed")
        #expect(first.stop() == 0)
    }

    @Test func aMissingIndexIsStatus2() throws {
        let r = try newsidx(["serve", "--index", tmp("no-such-index"), "--port", "0"], timeout: 20)
        expectExit(r, 2)
        #expect(r.stdout.isEmpty && r.stderr.contains(tmp("no-such-index")), "\(r)")
    }

    @Test func aDamagedIndexIsStatus3() throws {
        let index = try indexServeCorpus(in: tmp)
        try tmp.write("idx/CURRENT", "garbage\n")
        let r = try newsidx(["serve", "--index", index, "--port", "0"], timeout: 20)
        expectExit(r, 3)
        #expect(r.stdout.isEmpty && !r.stderr.isEmpty, "\(r)")
    }

    @Test(arguments: [["--port", "70000"], ["--port", "eighty"], ["--bogus"], ["--host"], ["--host", ""]])
    func badOptionsAreStatus2(_ options: [String]) throws {
        let index = try indexServeCorpus(in: tmp)
        let r = try newsidx(["serve", "--index", index] + options, timeout: 20)
        expectExit(r, 2)
        #expect(r.stdout.isEmpty, "\(r)")
    }

    @Test func helpPrintsTheUsage() throws {
        let r = try newsidx(["serve", "--help"])
        expectExit(r, 0)
        #expect(r.stdout.contains("USAGE: newsidx serve"), "\(r)")
    }

    @Test(arguments: ["/", "/search?q=wheat", "/api/search?q=wheat", "/healthz", "/story/1"])
    func headIsAnsweredLikeGetWithoutABody(_ path: String) throws {
        // The server says `Allow: GET, HEAD` when it refuses other methods.
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let get = try server.get(path)
        let head = try server.request("HEAD", path)
        #expect(head.status == get.status, "HEAD \(path)\n\(head)")
        #expect(head.header("Content-Type") == get.header("Content-Type"), "HEAD \(path)\n\(head)")
        #expect(head.body.isEmpty)
        #expect(server.stop() == 0)
    }
}

/// A loop on a thread of its own, collecting problems; `wait()` joins it.
final class BackgroundLoop: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var count = 0
    private var problems: [String] = []

    init(_ body: @escaping @Sendable (inout [String]) -> Int) {
        Thread.detachNewThread { [self] in
            var found: [String] = []
            count = body(&found)
            problems = found
            done.signal()
        }
    }

    /// How many requests ran (as the loop counts them) and what went wrong.
    func wait() -> (count: Int, problems: [String]) {
        done.wait()
        return (count, problems)
    }
}

/// A flag one task sets and another polls.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
