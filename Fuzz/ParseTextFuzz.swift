// libFuzzer entry for the text parser: bytes → String(decoding:as: UTF8) → PlanParser.parse.
// Built only by scripts/fuzz.sh (not a SwiftPM target). A crash, trap or hang is a finding.
import PlanText

@_cdecl("LLVMFuzzerTestOneInput")
public func parseTextFuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let plan = PlanParser.parse(text, file: "fuzz.txt")
    // Touch the result so the optimizer keeps the whole parse.
    precondition(plan.file == "fuzz.txt")
    return 0
}
