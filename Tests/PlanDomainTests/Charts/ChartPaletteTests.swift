import Testing
@testable import PlanDomain

@Suite struct ChartPaletteTests {
    @Test func contrastFollowsWCAG() throws {
        // Worked by hand from WCAG 2.1: black on white is 21:1, a colour on itself 1:1.
        #expect(try #require(ChartPalette.contrast("#ffffff", "#000000")) == 21)
        #expect(ChartPalette.contrast("#f9a825", "#f9a825") == 1)
        // #767676 on white is the well-known 4.54:1.
        #expect(try #require(ChartPalette.contrast("#767676", "#ffffff")) > 4.5)
        #expect(try #require(ChartPalette.contrast("#777777", "#ffffff")) < 4.5)
        #expect(ChartPalette.luminance("#12345") == nil)
    }

    @Test func figuresOnASegmentAreReadable() throws {
        // The amber 滞后 segment took white figures at 1.97:1; it takes ink now.
        #expect(ChartPalette.text(on: "#f9a825") == ChartPalette.ink)
        #expect(ChartPalette.text(on: "#2e7d32") == "#ffffff")
        for background in ["#f9a825", "#2e7d32", "#c2410c", "#8e1c1c", "#616161", "#1565c0", "#b91c1c"] {
            #expect(try #require(ChartPalette.contrast(ChartPalette.text(on: background), background)) >= 4.5, "\(background)")
        }
        #expect(try #require(ChartPalette.contrast(ChartPalette.muted, ChartPalette.track)) >= 4.5)
    }
}
