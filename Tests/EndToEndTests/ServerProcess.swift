import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// `newsidx serve` as a running process for the server tests: started on port 0, its port
// read from the one line it prints once listening, its stderr (the access log) collected,
// stopped with SIGTERM. A server still running when its object goes (a test that failed
// early) is killed, so none outlives the test that started it.

/// Collects what a process writes to a pipe, line-aware, on a thread of its own.
private final class StreamCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()
    private var ended = false

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let fd = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    condition.lock(); data.append(contentsOf: buffer[..<n]); condition.broadcast(); condition.unlock()
                    continue
                }
                if n < 0 && errno == EINTR { continue }
                break
            }
            try? handle.close()
            condition.lock(); ended = true; condition.broadcast(); condition.unlock()
        }
    }

    var text: String {
        condition.lock(); defer { condition.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// The first line, once written (nil if the stream ends or `timeout` passes first).
    func firstLine(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock(); defer { condition.unlock() }
        while true {
            if let newline = data.firstIndex(of: 10) {
                return String(decoding: data[..<newline], as: UTF8.self)
            }
            if ended || !condition.wait(until: deadline) { return nil }
        }
    }

    /// Waits until the stream ends (the process exited and its copies of the pipe closed).
    func waitForEnd(timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock(); defer { condition.unlock() }
        while !ended { if !condition.wait(until: deadline) { return } }
    }

    /// Waits until the collected text satisfies `done`, at most `timeout` seconds.
    func wait(timeout: Double, until done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock(); defer { condition.unlock() }
        while true {
            if done(String(decoding: data, as: UTF8.self)) { return true }
            if ended || !condition.wait(until: deadline) { return done(String(decoding: data, as: UTF8.self)) }
        }
    }
}

struct ServerStartError: Error, CustomStringConvertible {
    var description: String
}

/// A running `newsidx serve --index DIR --port 0`.
final class ServerProcess: @unchecked Sendable {
    let index: String
    let port: Int
    /// The line printed once listening.
    let listeningLine: String
    private let process: Process
    private let stdout: StreamCollector
    private let stderr: StreamCollector
    private let exited = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts the server and waits (at most `timeout` seconds) for its listening line.
    init(index: String, arguments extra: [String] = [], environment: [String: String] = [:], timeout: Double = 20) throws {
        self.index = index
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try NewsidxBinary.path())
        process.arguments = ["serve", "--index", index, "--port", "0"] + extra
        var env = ProcessInfo.processInfo.environment
        env["NEWSIDX_INDEX"] = nil
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try retryingBadDescriptor { try process.run() }
        // The parent's copies of the write ends, so that EOF comes when the server exits.
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        self.process = process
        stdout = StreamCollector(out.fileHandleForReading)
        stderr = StreamCollector(err.fileHandleForReading)
        guard let line = stdout.firstLine(timeout: timeout) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            exited.wait()
            stderr.waitForEnd(timeout: 5)
            throw ServerStartError(description: """
                newsidx serve --index \(index) printed no listening line within \(timeout) s \
                (exit \(process.terminationStatus)); stderr:
                \(stderr.text)
                """)
        }
        listeningLine = line
        guard let colon = line.lastIndex(of: ":"),
              let port = Int(line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: "/")))
        else {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            throw ServerStartError(description: "cannot read a port from the listening line: \(line)")
        }
        self.port = port
    }

    deinit {
        if exitStatusIfEnded() == nil {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(timeout: 10)
        }
    }

    var stderrText: String { stderr.text }
    var stdoutText: String { stdout.text }

    /// Waits until stderr satisfies `done`, at most `timeout` seconds.
    func waitForStderr(timeout: Double = 5, until done: (String) -> Bool) -> Bool {
        stderr.wait(timeout: timeout, until: done)
    }

    var isRunning: Bool { exitStatusIfEnded() == nil }

    private func exitStatusIfEnded() -> Int32? {
        lock.lock(); defer { lock.unlock() }
        if exitStatus == nil, !process.isRunning, exited.wait(timeout: .now()) == .success {
            exitStatus = process.terminationStatus
        }
        return exitStatus
    }

    /// Waits for the process to end; its exit status (or the signal that ended it), nil on timeout.
    func waitForExit(timeout: Double) -> Int32? {
        lock.lock(); defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        exitStatus = process.terminationStatus
        return exitStatus
    }

    /// Whether the process ended by exiting (not by a signal); meaningful once it ended.
    var exitedNormally: Bool { process.terminationReason == .exit }

    /// Sends `signal` and waits (at most `timeout` seconds) for the exit status; a server
    /// still running then is killed and nil returned.
    @discardableResult
    func stop(signal: Int32 = SIGTERM, timeout: Double = 15) -> Int32? {
        if isRunning { kill(process.processIdentifier, signal) }
        guard let status = waitForExit(timeout: timeout) else {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(timeout: 10)
            return nil
        }
        stderr.waitForEnd(timeout: 5)
        return status
    }

    // MARK: Requests

    func get(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> HTTPReply {
        try HTTPTestClient.get(port: port, path)
    }

    func request(_ method: String, _ path: String, headers: [(String, String)] = [], body: Data? = nil) throws -> HTTPReply {
        try HTTPTestClient.request(port: port, method: method, path: path, headers: headers, body: body)
    }

    /// GETs `path` and parses the body as a JSON object; stops the test if it is not one.
    func getJSON(_ path: String, status: Int = 200, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let reply = try get(path)
        #expect(reply.status == status, "GET \(path)\n\(reply)", sourceLocation: sourceLocation)
        #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true, "GET \(path)\n\(reply)", sourceLocation: sourceLocation)
        return try #require(reply.json, "GET \(path): not a JSON object\n\(reply)", sourceLocation: sourceLocation)
    }

    /// GETs a page and returns its HTML; records an issue unless the status is `status` and it is HTML.
    func page(_ path: String, status: Int = 200, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let reply = try get(path)
        #expect(reply.status == status, "GET \(path)\n\(reply)", sourceLocation: sourceLocation)
        #expect(reply.header("Content-Type")?.hasPrefix("text/html") == true, "GET \(path)\n\(reply)", sourceLocation: sourceLocation)
        return reply.text
    }
}

// MARK: - A corpus for the server tests

/// Stories with the metadata the pages show, in a folder `corpus` of `dir`:
///
/// - `wheat/a.txt`, `wheat/b.txt`: one Reuters story from MOSCOW and its near copy (a
///   cluster of two), 2025-08-14 and 2025-08-15; `wheat/c.txt`: a Kyodo story from TOKYO,
///   2025-10-02. All three say "wheat".
/// - `lighthouse/NN.txt`, 12 stories: each from its own place and agency, dated one a
///   month from 2025-01 (two in 2025-03, none in 2025-05), all saying "lighthouse".
/// - `pages/page.html`: an HTML page with a title, an author and an https canonical link,
///   saying "marmalade"; `pages/feed.rss`: a feed item with an `ftp:` link, also "marmalade".
@discardableResult
func writeServeCorpus(in dir: TempDir) throws -> String {
    let wheat = "Grain exporters in the Black Sea region shipped a record volume of wheat this month, traders said on Thursday, as harvests across the steppe came in well above forecasts and prices at the ports fell to their lowest level in two years."
    let wheat2 = "Analysts expect shipments to stay high through the autumn, although freight costs and insurance premiums for vessels remain a concern for buyers in North Africa and the Middle East."
    try dir.write("corpus/wheat/a.txt", "date 2025-08-14\n" + wireStory(
        "Wheat exports hit record", "MOSCOW, Aug. 14 (Reuters) -- " + wheat, wheat2))
    try dir.write("corpus/wheat/b.txt", "date 2025-08-15\n" + wireStory(
        "Wheat exports hit record high", "MOSCOW, Aug. 14 (Reuters) -- " + wheat, wheat2))
    try dir.write("corpus/wheat/c.txt", "date 2025-10-02\n" + wireStory(
        "Wheat prices slump in Tokyo",
        "TOKYO, Oct. 2 (Kyodo) -- Wheat futures slumped in Tokyo trading on Thursday as importers held back orders."))
    for (i, story) in ServeCorpus.lighthouses.enumerated() {
        try dir.write("corpus/lighthouse/\(i < 9 ? "0" : "")\(i + 1).txt", "date \(story.date)\n" + wireStory(
            "Lighthouse keepers of \(story.place.capitalized) \(story.words[0])",
            "\(story.place), \(story.dateline) (\(story.agency)) -- The lighthouse keepers of \(story.place.capitalized) \(story.words.joined(separator: " ")).",
            "Officials said nothing more about the lighthouse."))
    }
    try dir.write("corpus/pages/page.html", """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Marmalade makers of Dundee</title>
        <meta name="author" content="Ailsa Brandle">
        <link rel="canonical" href="https://news.example.org/marmalade-makers">
        </head><body><article>
        <h1>Marmalade makers of Dundee</h1>
        <p>The marmalade makers of Dundee, who have boiled Seville oranges in copper pans for two centuries, said on Friday that the harvest in Spain had been the best in a decade.</p>
        <p>Shops across Scotland expect the jars to reach their shelves before the winter, the makers said, although the price of sugar has risen sharply since the spring.</p>
        </article></body></html>

        """)
    try dir.write("corpus/pages/feed.rss", """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Preserves Weekly</title><link>https://preserves.example.org/</link><description>d</description>
        <item><title>Marmalade fair moves to Perth</title><link>ftp://preserves.example.org/fair.txt</link><guid>fair-1</guid><pubDate>Mon, 06 Oct 2025 10:00:00 GMT</pubDate><description>The annual marmalade fair will move to Perth next year, the organisers said on Monday, after the old hall closed.</description></item>
        </channel></rss>

        """)
    return dir("corpus")
}

enum ServeCorpus {
    struct Lighthouse {
        var place: String
        var agency: String
        var date: String
        var dateline: String
        var words: [String]
    }

    /// Twelve lighthouse stories, each with words no other has (so none is a copy of another).
    static let lighthouses: [Lighthouse] = {
        let places = ["OSLO", "LIMA", "DAKAR", "HANOI", "QUITO", "ACCRA", "RIGA", "SOFIA", "TUNIS", "MINSK", "BAKU", "DOHA"]
        let agencies = ["Alpha Wire", "Bravo Wire", "Charlie Wire", "Delta Wire", "Echo Wire", "Foxtrot Wire",
                        "Golf Wire", "Hotel Wire", "India Wire", "Juliet Wire", "Kilo Wire", "Lima Wire"]
        // Months: Jan, Feb, Mar, Mar, Apr, Jun, Jul, Aug, Sep, Oct, Nov, Dec (none in May).
        let months = [1, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12]
        let monthNames = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
        let phrases = [
            "counted seabirds nesting along the northern cliffs during a cold spell",
            "repainted the tower in red and white stripes before the storms arrived",
            "rescued three fishermen whose trawler lost power near the reef",
            "installed solar panels that replaced the old diesel generator",
            "opened the spiral staircase to schoolchildren visiting on weekends",
            "recorded the highest waves in forty years during the equinox gale",
            "restored a brass lantern salvaged from a shipwreck in the bay",
            "trained volunteers to read semaphore flags and signal lamps",
            "catalogued letters written by a keeper who served during the war",
            "measured erosion eating away the sandstone beneath the foundations",
            "hosted a concert for an orchestra playing on the rocky promontory",
            "planted hardy grasses to hold the dunes against the winter tides",
        ]
        return places.indices.map { i in
            let m = months[i]
            let day = 10 + i
            return Lighthouse(place: places[i], agency: agencies[i],
                              date: "2025-\(m < 10 ? "0" : "")\(m)-\(day)",
                              dateline: "\(monthNames[m - 1]) \(day)",
                              words: phrases[i].split(separator: " ").map(String.init))
        }
    }()
}

/// Indexes `writeServeCorpus` into `dir/idx` and returns the index path.
func indexServeCorpus(in dir: TempDir, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let corpus = try writeServeCorpus(in: dir)
    let index = dir("idx")
    try requireExit(try newsidx(["add", "--index", index, corpus]), 0, sourceLocation: sourceLocation)
    return index
}

/// Distinct `<time datetime="…">` values inside the hits of a results page, in page order.
func hitDates(_ page: String) -> [String] {
    hitItems(page).compactMap { item in
        guard let r = item.range(of: "<time datetime=\"") else { return nil }
        return String(item[r.upperBound...].prefix(10))
    }
}

/// The `<li class="hit" lang="…">…</li>` items of a results page, inside the opening tag.
func hitItems(_ page: String) -> [String] {
    page.components(separatedBy: "<li class=\"hit\"").dropFirst().map {
        String($0.drop { $0 != ">" }.dropFirst()).components(separatedBy: "</li>\n</ol>")[0]
    }
}

/// Every `href="…"` value in `html`, with `&amp;` decoded.
func hrefs(_ html: String) -> [String] {
    html.components(separatedBy: "href=\"").dropFirst().map {
        String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// `text` as the pages escape it.
func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

/// The value of the query parameter `name` in `link` (`/search?a=b&…`), percent-decoded.
func queryValue(_ name: String, in link: String) -> String? {
    guard let q = link.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
    for pair in q.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        if parts[0] == name {
            return parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding : ""
        }
    }
    return nil
}
