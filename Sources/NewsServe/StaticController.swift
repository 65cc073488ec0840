import Hummingbird

/// What the server serves besides pages and the API: the stylesheet, the icon, the OpenAPI
/// document and the OpenSearch description (so a browser can add the archive as a search
/// engine).
struct StaticController: Sendable {
    func addRoutes(to router: Router<BasicRequestContext>) {
        router.read("/static/style.css") { _, _ in
            Responses.body(Stylesheet.css, type: "text/css; charset=utf-8", cache: "public, max-age=3600")
        }
        router.read("/static/icon.svg") { _, _ in
            Responses.body(Self.icon, type: "image/svg+xml", cache: "public, max-age=3600")
        }
        router.read("/openapi.json") { _, _ in
            Responses.body(OpenAPIDocument.json, type: "application/json", cache: "public, max-age=3600")
        }
        router.read("/opensearch.xml") { request, _ in
            Responses.body(Self.openSearch(host: request.head.authority), type: "application/opensearchdescription+xml", cache: "public, max-age=3600")
        }
    }

    /// The page's icon (linked from every page, so that a browser does not ask for a
    /// missing /favicon.ico and log the 404 as an error): an N on the accent blue.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b57d0"/>\
        <path d="M4 12V4h1.7l4.6 5.3V4H12v8h-1.7L5.7 6.7V12z" fill="#fff"/></svg>

        """

    /// The OpenSearch description, with this server's address as the client reached it.
    static func openSearch(host: String?) -> String {
        let base = "http://" + (host.flatMap { isPlainHost($0) ? $0 : nil } ?? "127.0.0.1")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
              <ShortName>newsidx</ShortName>
              <Description>Search the news archive</Description>
              <InputEncoding>UTF-8</InputEncoding>
              <Url type="text/html" method="get" template="\(base)/search?q={searchTerms}"/>
              <Url type="application/json" method="get" template="\(base)/api/search?q={searchTerms}"/>
            </OpenSearchDescription>

            """
    }

    /// A host and port a client sent that is safe to echo into XML: letters, digits, dots,
    /// dashes, colons and IPv6 brackets only.
    static func isPlainHost(_ host: String) -> Bool {
        !host.isEmpty && host.count <= 255 && host.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || ".-:[]".unicodeScalars.contains($0)
        }
    }
}
