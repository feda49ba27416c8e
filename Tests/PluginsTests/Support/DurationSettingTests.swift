import Foundation
import HubPluginSupport
import Testing

@Suite("DurationSetting")
struct DurationSettingTests {
    struct Holder: Decodable {
        var value: DurationSetting
    }

    func decode(_ json: String) throws -> Duration {
        try JSONDecoder().decode(Holder.self, from: Data(#"{"value":\#(json)}"#.utf8)).value.duration
    }

    @Test("parses units and plain seconds", arguments: [
        (#""250ms""#, Duration.milliseconds(250)), (#""2s""#, .seconds(2)), (#""1.5m""#, .seconds(90)),
        (#""1h""#, .seconds(3600)), ("3", .seconds(3)), ("0.5", .milliseconds(500)), (#""0s""#, .zero),
    ])
    func valid(json: String, duration: Duration) throws {
        #expect(try decode(json) == duration)
    }

    @Test("refuses other text, negatives and absurd values", arguments: [#""2""#, #""fast""#, #""-1s""#, "-2", #""1d""#, #""s""#, "1e300"])
    func invalid(json: String) {
        #expect(throws: DecodingError.self) { try decode(json) }
    }
}
