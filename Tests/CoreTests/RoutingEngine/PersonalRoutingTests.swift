import Foundation
import HubCore
import Testing

@Suite("Routing: personal rules, terminals, busy, emergency, caller ID (ROUTE-1..6, LOG-1/2, PRES-6/9)")
struct PersonalRoutingTests {
    @Test("a call to a user rings all their terminals together, then voicemail with the caller-facing presence")
    func ringAllTerminalsThenVoicemail() {
        var sim = RoutingSimulation(plan: RoutingPlan(), users: [Staff.user("anna", 1, terminals: [.softphone, .deskPhone, .mobile])])
        sim.at(0, Staff.caller("c1", to: "+358910001001"))
        let rung = sim.rings(to: "anna")
        #expect(rung.map(\.leg.terminal) == [.softphone, .deskPhone, .mobile])
        #expect(rung.last?.leg.number == "+358401001001")
        sim.advance(to: 19)
        #expect(sim.record(of: "c1") == nil)
        sim.advance(to: 20)
        #expect(sim.record(of: "c1")?.outcome == .voicemail("anna"))
        #expect(sim.finishedAt("c1") == 20)
        let greeting = sim.effects { if case .voicemail("c1", "anna", _) = $0 { true } else { false } }
        #expect(greeting.count == 1)
        #expect(sim.callLog(of: "anna").map(\.kind) == [.missed])
        #expect(sim.effects { if case .cancelRing = $0 { true } else { false } }.count == 3)
    }

    @Test("rules match by activity and role; the first applicable wins", arguments: [
        (ActivityID("in_meeting"), RoleID.work, CallOutcome.diverted(.forward, to: "+358401112222")),
        (ActivityID("away"), RoleID.mobile, CallOutcome.diverted(.operator, to: "+358910000000")),
        (ActivityID("away"), RoleID.work, CallOutcome.voicemail("anna")),
    ])
    func rulesByActivityAndRole(activity: ActivityID, role: RoleID, outcome: CallOutcome) {
        let rules = [
            PersonalRule(activities: ["in_meeting"], action: .forward("+358401112222")),
            PersonalRule(roles: [.mobile], action: .operator),
            PersonalRule(activities: ["away"], action: .voicemail),
        ]
        var sim = RoutingSimulation(plan: RoutingPlan(rules: ["anna": rules], operatorNumber: "+358910000000"), users: [Staff.anna])
        sim.at(0, .presence("anna", activity: activity, role: role))
        sim.at(1, Staff.caller("c1", to: "+358910001001"))
        #expect(sim.record(of: "c1")?.outcome == outcome)
        #expect(sim.rings(to: "anna").isEmpty)
    }

    @Test("answering one terminal cancels the others, logs answered and sets the phone state (PRES-6)")
    func answerCancelsOthers() throws {
        var sim = RoutingSimulation(plan: RoutingPlan(), users: [Staff.anna])
        sim.at(0, Staff.caller("c1", to: "+358910001001"))
        let desk = try #require(sim.rings(to: "anna").first { $0.leg.terminal == .deskPhone }?.leg.leg)
        let effects = sim.at(5, .legAnswered("c1", desk))
        #expect(effects.contains(.connect("c1", desk)))
        #expect(effects.contains(.cancelRing("c1", 1)))
        #expect(effects.contains(.phoneState("anna", inCall: true)))
        #expect(effects.contains(.cancelWake(.personalNoAnswer("c1"))))
        sim.advance(to: 60)
        #expect(sim.record(of: "c1") == nil)
        let end = sim.at(90, .callEnded("c1"))
        #expect(end.contains(.phoneState("anna", inCall: false)))
        #expect(sim.record(of: "c1")?.outcome == .answered)
        #expect(sim.record(of: "c1")?.answeredBy == "anna")
        #expect(sim.callLog(of: "anna").map(\.kind) == [.answered])
    }

    @Test("busy rules: voicemail, forward, or the personal queue that rings when the call ends (ACD-11)")
    func busyUser() throws {
        let rules: [UserID: [PersonalRule]] = ["anna": [PersonalRule(busy: .personalQueue)], "bertil": [PersonalRule(busy: .forward("+358409999999"))]]
        var sim = RoutingSimulation(plan: RoutingPlan(rules: rules), users: [Staff.anna, Staff.bertil])
        sim.at(0, .dial(OutgoingCall(id: "out-a", user: "anna", terminal: .softphone, to: "+46812345678")))
        sim.at(0, .dial(OutgoingCall(id: "out-b", user: "bertil", terminal: .softphone, to: "+46812345679")))
        sim.at(1, Staff.caller("c1", to: "+358910001001"))
        sim.at(1, Staff.caller("c2", to: "+358910001002"))
        #expect(sim.record(of: "c2")?.outcome == .diverted(.busy, to: "+358409999999"))
        #expect(sim.rings(to: "anna").isEmpty)
        #expect(sim.record(of: "c1") == nil)
        sim.at(30, .callEnded("out-a"))
        #expect(sim.rings(to: "anna").map(\.call) == ["c1", "c1"])
        let leg = try #require(sim.leg(of: "anna", in: "c1"))
        sim.at(33, .legAnswered("c1", leg))
        sim.at(40, .callEnded("c1"))
        #expect(sim.record(of: "c1")?.outcome == .answered)
    }

    @Test("every terminal busy or unreachable before the time is up applies the fallback at once (LOG-2 missed)")
    func terminalsFailEarly() {
        var sim = RoutingSimulation(plan: RoutingPlan(), users: [Staff.user("anna", 1, terminals: [.mobile])])
        sim.at(0, Staff.caller("c1", to: "+358910001001"))
        sim.at(2, .legFailed("c1", 1, .unreachable))
        #expect(sim.finishedAt("c1") == 2)
        #expect(sim.record(of: "c1")?.outcome == .voicemail("anna"))
        #expect(sim.callLog(of: "anna").map(\.kind) == [.missed])
    }

    @Test("emergency numbers go to the caller's area centre, ignoring rules and night (ROUTE-6)")
    func emergencyBypass() {
        let plan = RoutingPlan(
            queues: [Staff.queue(schedule: "office")], rules: ["anna": [PersonalRule(action: .voicemail)]],
            emergencyNumbers: ["112"], emergencyAreas: ["helsinki": "+358100112", "espoo": "+358100113"],
            userEmergencyArea: ["bertil": "espoo"], defaultEmergencyArea: "helsinki")
        var sim = RoutingSimulation(plan: plan, users: [Staff.anna, Staff.bertil])
        _ = sim.engine.setClosedSchedules(["office"], at: sim.now)
        sim.at(0, .presence("anna", activity: "away", role: .work))
        sim.at(1, .dial(OutgoingCall(id: "e1", user: "anna", terminal: .deskPhone, to: "112")))
        sim.at(1, .dial(OutgoingCall(id: "e2", user: "bertil", terminal: .softphone, to: "112")))
        #expect(sim.record(of: "e1")?.outcome == .diverted(.emergency, to: "+358100112"))
        #expect(sim.record(of: "e2")?.outcome == .diverted(.emergency, to: "+358100113"))
        #expect(sim.callLog(of: "anna").map(\.kind) == [.dialled])
    }

    @Test("caller ID follows the role (ROUTE-4) and click-to-call rings the user first (ROUTE-5)")
    func callerIDAndClickToCall() throws {
        let plan = RoutingPlan(queues: [Staff.queue()], callerID: [.work: .queue("support"), .mobile: .mobileNumber])
        var sim = RoutingSimulation(plan: plan, users: [Staff.anna])
        let work = sim.at(0, .dial(OutgoingCall(id: "o1", user: "anna", terminal: .softphone, to: "+4681234")))
        #expect(work.contains(.dialOut("o1", to: "+4681234", callerID: "+358910002000")))
        sim.at(0, .callEnded("o1"))
        sim.at(1, .presence("anna", activity: "available", role: .mobile))
        let mobile = sim.at(2, .dial(OutgoingCall(id: "o2", user: "anna", terminal: .mobile, to: "+4681234")))
        #expect(mobile.contains(.dialOut("o2", to: "+4681234", callerID: "+358401001001")))
        sim.at(3, .callEnded("o2"))
        sim.at(10, .clickToCall(call: "k1", user: "anna", terminal: .deskPhone, to: "+4687654"))
        let leg = try #require(sim.leg(of: "anna", in: "k1"))
        let answered = sim.at(14, .legAnswered("k1", leg))
        #expect(answered.contains(.dialOut("k1", to: "+4687654", callerID: "+358401001001")))
        #expect(answered.contains(.phoneState("anna", inCall: true)))
    }
}

@Suite("Routing: what a caller hears at voicemail (PRES-9)")
struct VoicemailGreetingTests {
    @Test("the greeting says the activity and until-time in the tenant's zone, in three languages, never the note")
    func greeting() throws {
        var sim = RoutingSimulation(plan: RoutingPlan(rules: ["anna": [PersonalRule(action: .voicemail)]]), users: [Staff.anna])
        let until = RoutingSimulation.epoch + 3_600
        sim.at(0, .presence("anna", activity: "in_meeting", role: .work, until: until))
        let effects = sim.at(1, Staff.caller("c1", to: "+358910001001"))
        guard case let .voicemail(_, _, presence)? = effects.first(where: { if case .voicemail = $0 { true } else { false } }) else {
            Issue.record("no voicemail")
            return
        }
        #expect(presence.activity == "in_meeting")
        #expect(presence.until == until)
        let zone = try #require(TimeZone(identifier: "Europe/Helsinki"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let hour = calendar.component(.hour, from: until)
        let minute = calendar.component(.minute, from: until)
        let time = String(format: "%02d:%02d", hour, minute)
        #expect(presence.phrases.map(\.text) == ["in a meeting until \(time)", "i möte till \(time)", "kokouksessa klo \(time) asti"])
    }
}
