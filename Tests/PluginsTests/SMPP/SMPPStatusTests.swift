import HubCore
import Testing

@testable import SMPPPlugin

@Suite("SMPP command status classification (INT-SMS)")
struct SMPPStatusTests {
    @Test(arguments: [
        (UInt32(0x58), SMPPErrorClass.slowDown), (0x14, .slowDown),
        (0x08, .temporary), (0x45, .temporary), (0x64, .temporary), (0xFF, .temporary), (0x400, .temporary),
        (0x0B, .permanent), (0x0A, .permanent), (0x01, .permanent), (0x43, .permanent), (0x65, .permanent), (0xC4, .permanent),
    ])
    func classifiesSubmitRefusals(_ code: UInt32, _ expected: SMPPErrorClass) {
        #expect(SMPPCommandStatus(rawValue: code).errorClass == expected)
    }

    @Test func describesWithStandardNames() {
        #expect("\(SMPPCommandStatus.throttled)" == "ESME_RTHROTTLED (0x00000058)")
        #expect("\(SMPPCommandStatus(rawValue: 0x401))" == "status 0x00000401")
        #expect("\(SMPPCommandID.submitSM.response)" == "submit_sm_resp")
    }

    @Test func credentialErrors() {
        #expect(SMPPCommandStatus.invalidPassword.isCredentialError)
        #expect(SMPPCommandStatus.invalidSystemID.isCredentialError)
        #expect(!SMPPCommandStatus.systemError.isCredentialError)
    }
}
