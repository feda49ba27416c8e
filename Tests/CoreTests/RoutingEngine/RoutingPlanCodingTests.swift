import Foundation
import HubCore
import Testing

@Suite("Routing: the plan as admins write it in JSON")
struct RoutingPlanCodingTests {
    @Test("a short plan fills in the defaults and reads choices as strings or one-key objects")
    func shortPlan() throws {
        let json = """
        {"queues": [{"id": "support", "name": "Support", "number": "+358910002000", "overflow": {"noAnswer": "+358910009999"}}],
         "huntGroups": [{"id": "desk", "name": "Desk", "number": "+358910004000", "members": ["anna"], "mode": "serial"}],
         "rules": {"anna": [{"activities": ["in_meeting"], "action": {"forward": "+358401112222"}, "busy": "personal_queue"},
                            {"action": {"ring": ["softphone", "mobile"]}, "noAnswer": "operator"}]},
         "callerID": {"work": {"queue": "support"}, "mobile": "mobile_number"}}
        """
        let plan = try JSONDecoder().decode(RoutingPlan.self, from: Data(json.utf8))
        #expect(plan.queues[0].ringSeconds == 20 && plan.queues[0].attempts == 2 && plan.queues[0].strategy == .ringAll)
        #expect(plan.queues[0].overflow.noAnswer == "+358910009999")
        #expect(plan.huntGroups[0].mode == .serial && plan.huntGroups[0].attempts == 1)
        #expect(plan.rules["anna"]?[0].action == .forward("+358401112222"))
        #expect(plan.rules["anna"]?[0].busy == .personalQueue)
        #expect(plan.rules["anna"]?[1].action == .ring([.softphone, .mobile]))
        #expect(plan.rules["anna"]?[1].noAnswer == .operator)
        #expect(plan.callerID[.work] == .queue("support"))
        #expect(plan.emergencyNumbers == ["112"])
        let again = try JSONDecoder().decode(RoutingPlan.self, from: try JSONEncoder().encode(plan))
        #expect(again == plan)
        let text = String(decoding: try JSONEncoder().encode(plan.rules), as: UTF8.self)
        #expect(text.contains("\"anna\":["), "user ids are object keys")
    }

    @Test("an unknown choice names the allowed ones", arguments: [
        (#"{"rules": {"anna": [{"busy": "hold"}]}}"#, "unknown choice 'hold'; one of: voicemail, forward, operator, ring_anyway, personal_queue"),
        (#"{"rules": {"anna": [{"action": {"teleport": 1}}]}}"#, "expected one of: ring, forward, voicemail, operator"),
    ])
    func unknownChoice(json: String, message: String) {
        #expect {
            try JSONDecoder().decode(RoutingPlan.self, from: Data(json.utf8))
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
