import Foundation
import HubCore
import Hummingbird

/// Call control (any front end, tests, or curl): offer calls, report terminal events, read decisions.
enum CallRoutes {
    static func register(_ routes: RouteTable, _ services: HubServices) {
        let routing = services.routing
        routes.add(.post, "/api/v1/tenants/{tenant}/calls") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.service], to: "offer calls (a call front end's service token does)")
            let offer = try await APIJSON.body(CallOffer.self, request, context: context, allowed: ["id", "from", "to", "fromUser", "priority"])
            let id = try offer.id.map { try CallID(validating: $0) } ?? CallID.random()
            let effects = try await routing.handle(tenant, .offer(IncomingCall(
                id: id, from: offer.from, to: try number(offer.to, "$.to"), fromUser: offer.fromUser.map(UserID.init), priority: offer.priority ?? 0)))
            return try APIJSON.response(CallStep(call: id, effects: effects), status: .created)
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/calls") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.service, .supervisor, .operator], to: "see calls in progress")
            return try APIJSON.response(try await routing.activeCalls(tenant))
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/calls/{call}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.service, .supervisor, .operator], to: "see calls")
            return try APIJSON.response(try await routing.call(tenant, try Access.id(context, "call", as: CallID.self)))
        }
        routes.add(.post, "/api/v1/tenants/{tenant}/calls/{call}/events") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.service], to: "report call events (a call front end's service token does)")
            let call = try Access.id(context, "call", as: CallID.self)
            let event = try await APIJSON.body(CallEventBody.self, request, context: context, allowed: ["type", "leg", "reason", "to"])
            let effects = try await routing.handle(tenant, try event.input(call))
            return try APIJSON.response(CallStep(call: call, effects: effects))
        }
        routes.add(.post, "/api/v1/tenants/{tenant}/users/{user}/calls") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let user = try Access.id(context, "user", as: UserID.self)
            try ownOrService(principal, user)
            let dial = try await APIJSON.body(DialBody.self, request, context: context, allowed: ["id", "terminal", "to", "callback"])
            let id = try dial.id.map { try CallID(validating: $0) } ?? CallID.random()
            let input: RoutingInput = dial.callback == true
                ? .clickToCall(call: id, user: user, terminal: dial.terminal, to: dial.to)
                : .dial(OutgoingCall(id: id, user: user, terminal: dial.terminal, to: dial.to))
            let effects = try await routing.handle(tenant, input)
            return try APIJSON.response(CallStep(call: id, effects: effects), status: .created)
        }
    }

    static func ownOrService(_ principal: Principal, _ user: UserID) throws {
        guard principal.user == user || principal.role == .service || principal.role.administers else {
            throw APIError.forbidden("only the user (or a front end's service token) may place the user's calls")
        }
    }

    /// An E.164 number in a body, or 400 naming the field.
    static func number(_ text: String, _ path: String) throws -> String {
        do { return try PhoneNumber(text).e164 } catch { throw APIError.badRequest(path, error.description) }
    }

    /// A call offered by a front end.
    struct CallOffer: Decodable {
        var id: String?
        var from: String
        var to: String
        var fromUser: String?
        var priority: Int?
    }

    /// A user's outgoing call; `callback: true` rings the user's own terminal first (ROUTE-5).
    struct DialBody: Decodable {
        var id: String?
        var terminal: Terminal
        var to: String
        var callback: Bool?
    }

    /// A terminal or caller event of a call.
    struct CallEventBody: Decodable {
        var type: String
        var leg: Int?
        var reason: LegFailure?
        var to: String?

        static let types = ["ringing", "answered", "failed", "caller_hung_up", "ended", "transferred", "callback_requested"]

        func input(_ call: CallID) throws -> RoutingInput {
            func leg() throws -> LegID {
                guard let leg = self.leg else { throw APIError.badRequest("$.leg", "required for '\(type)'") }
                return leg
            }
            switch type {
            case "ringing": return .legRinging(call, try leg())
            case "answered": return .legAnswered(call, try leg())
            case "failed":
                guard let reason else { throw APIError.badRequest("$.reason", "required for 'failed': one of \(LegFailure.allCases.map(\.rawValue).joined(separator: ", "))") }
                return .legFailed(call, try leg(), reason)
            case "caller_hung_up": return .callerHungUp(call)
            case "ended": return .callEnded(call)
            case "transferred":
                guard let to else { throw APIError.badRequest("$.to", "required for 'transferred'") }
                return .transferred(call, to: try CallRoutes.number(to, "$.to"))
            case "callback_requested": return .requestCallback(call)
            default: throw APIError.badRequest("$.type", "unknown event '\(type)'; one of: \(Self.types.joined(separator: ", "))")
            }
        }
    }

    /// What one step decided for a call.
    struct CallStep: Encodable {
        var call: CallID
        var decisions: [CallDecision]
        var events: [RoutingEvent]

        init(call: CallID, effects: [RoutingEffect]) {
            self.call = call
            decisions = effects.compactMap { effect in CallDecision.of(effect).flatMap { $0.0 == call ? $0.1 : nil } }
            events = effects.compactMap(RoutingEvent.init).filter { $0.type != "call.decision" }
        }
    }
}

extension CallID {
    /// A new random call id.
    static func random() -> CallID { CallID("c-" + String(UUID().uuidString.lowercased().prefix(13))) }

    /// A call id from a request, 400 when malformed.
    init(validating text: String) throws {
        guard Slug.isValid(text) else { throw APIError.badRequest("$.id", Slug.rule) }
        self.init(text)
    }
}
