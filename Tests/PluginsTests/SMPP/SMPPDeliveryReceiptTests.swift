import HubCore
import Testing

@testable import SMPPPlugin

@Suite("SMPP delivery receipt text (INT-SMS)")
struct SMPPDeliveryReceiptTests {
    @Test func parsesEveryField() throws {
        let receipt = try SMPPDeliveryReceipt(
            parsing: "id:1000 sub:001 dlvrd:001 submit date:2611251200 done date:2611251201 stat:DELIVRD err:000 text:Hello world")
        #expect(receipt == {
            var expected = try! SMPPDeliveryReceipt(parsing: "id:1000 stat:DELIVRD")
            expected.submitted = "001"
            expected.delivered = "001"
            expected.submitDate = "2611251200"
            expected.doneDate = "2611251201"
            expected.error = "000"
            expected.text = "Hello world"
            return expected
        }())
        #expect(receipt.finalState == .delivered)
    }

    @Test(arguments: [
        ("id:7f3a sub:001 dlvrd:000 submit date:2611251200 done date:2611251300 stat:EXPIRED err:000 Text:x", "7f3a", "EXPIRED", DeliveryReport.State?.some(.expired)),
        ("ID:42 STAT:undeliv ERR:34", "42", "UNDELIV", .failed),
        ("id:42 stat:REJECTD", "42", "REJECTD", .failed),
        ("id:42 stat:DELETED", "42", "DELETED", .failed),
        ("id:42 stat:ACCEPTD", "42", "ACCEPTD", nil),
        ("id:42 stat:ENROUTE", "42", "ENROUTE", nil),
        ("id:42 stat:UNKNOWN", "42", "UNKNOWN", nil),
        // Text that itself contains "stat:" does not confuse the fields.
        ("id:9 sub:001 dlvrd:001 submit date:2611251200 done date:2611251201 stat:DELIVRD err:000 text:stat:UNDELIV", "9", "DELIVRD", .delivered),
    ])
    func mapsStatesAndIgnoresCase(_ text: String, _ id: String, _ stat: String, _ state: DeliveryReport.State?) throws {
        let receipt = try SMPPDeliveryReceipt(parsing: text)
        #expect(receipt.id == id)
        #expect(receipt.stat == stat)
        #expect(receipt.finalState == state)
    }

    @Test(arguments: [
        ("sub:001 dlvrd:001 stat:DELIVRD", "delivery receipt has no 'id:' field"),
        ("id:42 err:000", "delivery receipt has no 'stat:' field"),
        ("", "delivery receipt has no 'id:' field"),
    ])
    func missingFieldsAreNamed(_ text: String, _ message: String) {
        #expect {
            _ = try SMPPDeliveryReceipt(parsing: text)
        } throws: { error in
            "\(error)" == message
        }
    }
}
