import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A WebDAV `207 Multi-Status` body (RFC 4918 §13) as CalDAV REPORTs return it.
public struct Multistatus: Sendable, Equatable {
    /// One `DAV:response`.
    public struct Response: Sendable, Equatable {
        /// `DAV:href`, as sent (percent-encoded path or URL).
        public var href: String
        /// The response-level `DAV:status` (sync-collection reports deletions as 404 here), if any.
        public var status: Int?
        /// `DAV:getetag` from a 2xx propstat.
        public var etag: String?
        /// `CALDAV:calendar-data` from a 2xx propstat.
        public var calendarData: String?
        /// `DAV:sync-token` from a 2xx propstat (PROPFIND of a collection).
        public var syncToken: String?
    }

    /// The responses in document order.
    public var responses: [Response]
    /// The top-level `DAV:sync-token` (sync-collection).
    public var syncToken: String?

    /// Parses `data`; throws ``CalDAVError/badResponse(_:)`` when it is not a DAV multistatus document.
    public static func parse(_ data: Data) throws(CalDAVError) -> Multistatus {
        let reader = MultistatusReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        guard parser.parse() else {
            throw .badResponse("multistatus is not XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        guard reader.sawRoot else { throw .badResponse("body is not a DAV:multistatus") }
        return Multistatus(responses: reader.responses, syncToken: reader.syncToken)
    }

    /// The status code in a `DAV:status` line (`HTTP/1.1 404 Not Found` → 404).
    static func statusCode(_ line: String) -> Int? {
        let parts = line.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}

/// Local names of the conditions in a `DAV:error` body (`valid-sync-token`), empty when there is none.
public func davErrorConditions(_ data: Data) -> [String] {
    final class Reader: NSObject, XMLParserDelegate {
        var depth = 0
        var inError = false
        var names: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            if depth == 1 { inError = name == "error" && namespaceURI == "DAV:" } else if depth == 2, inError { names.append(name) }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { depth -= 1 }
    }
    let reader = Reader()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    parser.delegate = reader
    return parser.parse() ? reader.names : []
}

/// SAX handler collecting responses; used by one parse on one thread.
private final class MultistatusReader: NSObject, XMLParserDelegate {
    static let dav = "DAV:"
    static let caldav = "urn:ietf:params:xml:ns:caldav"

    var sawRoot = false
    var responses: [Multistatus.Response] = []
    var syncToken: String?
    private var path: [String] = []
    private var text = ""
    private var current: Multistatus.Response?
    private var propstat: (status: Int?, etag: String?, data: String?, token: String?)?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let key = "\(namespaceURI ?? "")|\(name)"
        if path.isEmpty, key == "DAV:|multistatus" { sawRoot = true }
        path.append(key)
        text = ""
        switch key {
        case "DAV:|response": current = Multistatus.Response(href: "")
        case "DAV:|propstat": propstat = (nil, nil, nil, nil)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let key = path.popLast() ?? ""
        let parent = path.last ?? ""
        let value = text
        text = ""
        switch (key, parent) {
        case ("DAV:|href", "DAV:|response"): current?.href = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case ("DAV:|status", "DAV:|response"): current?.status = Multistatus.statusCode(value)
        case ("DAV:|status", "DAV:|propstat"): propstat?.status = Multistatus.statusCode(value)
        case ("DAV:|getetag", "DAV:|prop"): propstat?.etag = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case ("\(Self.caldav)|calendar-data", "DAV:|prop"): propstat?.data = value
        case ("DAV:|sync-token", "DAV:|prop"): propstat?.token = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case ("DAV:|sync-token", "DAV:|multistatus"): syncToken = value.trimmingCharacters(in: .whitespacesAndNewlines)
        case ("DAV:|propstat", _):
            // Read-modify-write through a local: `current?.x = … current?.x` would overlap two accesses.
            if let found = propstat, let status = found.status, (200..<300).contains(status), var response = current {
                response.etag = found.etag ?? response.etag
                response.calendarData = found.data ?? response.calendarData
                response.syncToken = found.token ?? response.syncToken
                current = response
            }
            propstat = nil
        case ("DAV:|response", _):
            if let response = current { responses.append(response) }
            current = nil
        default: break
        }
    }
}
