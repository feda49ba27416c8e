import CalendarCalDAVPlugin
import Foundation
import HubPluginTesting
import HubPluginSupport
import Testing

@Suite("CalDAV client: multistatus parsing and status mapping")
struct CalDAVClientTests {
    /// Answers every request with one canned response and records the requests.
    final class CannedTransport: HTTPTransport, @unchecked Sendable {
        let response: HTTPResponse
        private(set) var requests: [HTTPRequest] = []
        init(_ response: HTTPResponse) { self.response = response }
        func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
            requests.append(request)
            return response
        }
    }

    static func client(_ transport: any HTTPTransport) -> CalDAVClient {
        CalDAVClient(transport: transport, auth: .basic(user: "hub", password: "pw"), now: { Date(timeIntervalSince1970: 0) })
    }

    @Test("a sync-collection answer as Radicale 3.1.8 writes it: changed members with ETags, deleted ones as 404, the new token")
    func syncAnswer() async throws {
        let body = """
            <?xml version='1.0' encoding='utf-8'?>
            <multistatus xmlns="DAV:"><sync-token>http://radicale.org/ns/sync/53038a</sync-token><response><href>/anna/calendar/busy.ics</href><propstat><prop><getetag>"6e3f"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response><response><href>/anna/calendar/tent.ics</href><status>HTTP/1.1 404 Not Found</status></response></multistatus>
            """
        let transport = CannedTransport(HTTPResponse(status: 207, body: Data(body.utf8)))
        let changes = try await Self.client(transport).syncCollection("http://127.0.0.1/anna/calendar/", token: "http://radicale.org/ns/sync/old&")
        #expect(changes == CalDAVChanges(changed: ["/anna/calendar/busy.ics"], etags: ["/anna/calendar/busy.ics": "\"6e3f\""], removed: ["/anna/calendar/tent.ics"], token: "http://radicale.org/ns/sync/53038a"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "REPORT" && request.headers.contains(HTTPField("Depth", "0")))
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self).contains("<D:sync-token>http://radicale.org/ns/sync/old&amp;</D:sync-token>"))
        #expect(request.auth == .basic(user: "hub", password: "pw"))
    }

    @Test("calendar-query answers keep only members with calendar data from 2xx propstats; CDATA and prefixes are read")
    func queryAnswer() async throws {
        let body = """
            <?xml version="1.0"?>
            <d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
             <d:response><d:href>/a/1.ics</d:href>
              <d:propstat><d:prop><d:getetag>"1"</d:getetag><cal:calendar-data><![CDATA[BEGIN:VCALENDAR
            END:VCALENDAR
            ]]></cal:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
              <d:propstat><d:prop><d:displayname/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
             </d:response>
             <d:response><d:href>/a/2.ics</d:href>
              <d:propstat><d:prop><cal:calendar-data>x</cal:calendar-data></d:prop><d:status>HTTP/1.1 403 Forbidden</d:status></d:propstat>
             </d:response>
            </d:multistatus>
            """
        let resources = try await Self.client(CannedTransport(HTTPResponse(status: 207, body: Data(body.utf8))))
            .calendarQuery("http://x/a/", from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 86_400))
        #expect(resources == [CalDAVResource(href: "/a/1.ics", etag: "\"1\"", calendarData: "BEGIN:VCALENDAR\nEND:VCALENDAR\n")])
    }

    @Test("statuses map to precise errors", arguments: [
        (401, "", "401 Unauthorized"),
        (403, "<error xmlns=\"DAV:\"><valid-sync-token/></error>", "sync token no longer valid"),
        (403, "", "403 Forbidden"),
        (404, "", "no calendar at"),
        (429, "", "asks to slow down for 120.0 seconds"),
        (500, "", "unexpected HTTP 500"),
        (207, "<html/>", "not a DAV:multistatus"),
        (207, "<multistatus xmlns=\"DAV:\"><response></multistatus>", "bad response"),
        (207, "%PDF-1.4 binary", "bad response"),
    ])
    func statuses(status: Int, body: String, message: String) async {
        let headers = status == 429 ? [HTTPField("Retry-After", "120")] : []
        let client = Self.client(CannedTransport(HTTPResponse(status: status, headers: headers, body: Data(body.utf8))))
        do {
            _ = try await client.syncCollection("http://x/a/", token: "t")
            Issue.record("no error for \(status)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test("Radicale rejects a token it never issued with valid-sync-token, read as invalidSyncToken", .timeLimit(.minutes(1)))
    func radicaleInvalidToken() async throws {
        let server = try await RadicaleServer(users: ["anna": "anna-pw"])
        let http = try CurlHTTPClient()
        defer {
            http.shutdown()
            server.stop()
        }
        try await RadicaleWriter(transport: http, server: server).makeCalendar(owner: "anna", password: "anna-pw")
        let client = CalDAVClient(transport: http, auth: .basic(user: RadicaleServer.serviceAccount.user, password: RadicaleServer.serviceAccount.password), now: { Date() })
        let collection = "\(server.baseURL)/anna/calendar/"
        let fresh = try await client.syncCollection(collection, token: nil)
        #expect(fresh.token.hasPrefix("http://radicale.org/ns/sync/") && fresh.changed.isEmpty)
        await #expect(throws: CalDAVError.invalidSyncToken) {
            _ = try await client.syncCollection(collection, token: "http://radicale.org/ns/sync/0000")
        }
    }
}
