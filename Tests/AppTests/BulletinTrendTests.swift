@testable import App
import Testing

/// 较上期 as a bulletin prints it, worked by hand.
extension ServerTests {
    @Suite struct BulletinTrend {
        @Test func aFigureMovesByItsUnitAndAShareByPoints() {
            #expect(BulletinBuilder.trend(now: 27, before: 20.3, unit: "亿元") == "↑6.7亿元")
            #expect(BulletinBuilder.trend(now: 101, before: 76, unit: "家") == "↑25家")
            #expect(BulletinBuilder.trend(now: 1.3, before: 1.5, unit: "%") == "↓0.2个百分点")
            #expect(BulletinBuilder.trend(now: 54, before: 54, unit: "%") == "持平")
            #expect(BulletinBuilder.trend(now: 5, before: nil, unit: "家") == "—")
        }

        @Test func theLatestKnownFigureByAMonth() {
            // January 3, February unknown, March 7: by February the figure is January's.
            let monthly: [Double?] = [3, nil, 7] + Array(repeating: nil, count: 9)
            #expect(BulletinBuilder.latest(monthly, upTo: 2) == 3)
            #expect(BulletinBuilder.latest(monthly, upTo: 12) == 7)
            // A first quarter has no quarter before it in the year.
            #expect(BulletinBuilder.latest(monthly, upTo: 0) == nil)
        }
    }
}
