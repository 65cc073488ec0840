/// The one stylesheet, served at `/static/style.css`: readable on a phone (one column below
/// 48em), visible focus, marks and bars that keep their meaning without colour.
enum Stylesheet {
    static let css = """
        :root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #5c5c5c; --line: #ddd; --accent: #0b57d0; --mark: #ffe58a; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e8e8e8; --bg: #121212; --muted: #a8a8a8; --line: #333; --accent: #8ab4f8; --mark: #6b5800; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { position: static; display: block; margin: .25em 1em; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header { border-bottom: 1px solid var(--line); padding: .75em 0; }
        header form { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; max-width: 64em; margin: 0 auto; padding: 0 1em; }
        .brand { font-weight: 700; text-decoration: none; margin-right: .5em; }
        input[type=search] { flex: 1 1 16em; min-width: 0; font: inherit; padding: .4em .6em; border: 1px solid var(--muted); border-radius: 4px; background: var(--bg); color: var(--fg); }
        button { font: inherit; padding: .4em 1em; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: var(--bg); cursor: pointer; }
        .any { color: var(--muted); white-space: nowrap; }
        main { max-width: 64em; margin: 0 auto; padding: 1em; }
        footer { max-width: 64em; margin: 0 auto; padding: 1em; color: var(--muted); }
        footer p { font-size: .875em; margin: 0; }
        .summary, .meta, .fine { color: var(--muted); }
        .fine { font-size: .875em; }
        .note, .suggestion, .problem { padding: .5em .75em; border-left: 4px solid var(--accent); background: color-mix(in srgb, var(--accent) 8%, transparent); }
        .columns { display: grid; grid-template-columns: minmax(0, 1fr) 16em; gap: 2em; }
        @media (max-width: 48em) { .columns { grid-template-columns: minmax(0, 1fr); } }
        ol.hits { list-style: none; padding: 0; margin: 0; }
        li.hit { margin: 0 0 1.5em; }
        li.hit h2 { font-size: 1.125em; margin: 0; }
        .meta { margin: .1em 0; font-size: .875em; }
        .snippet { margin: .25em 0; }
        mark { background: var(--mark); color: inherit; font-weight: 600; }
        details.similar summary { cursor: pointer; color: var(--muted); font-size: .875em; }
        .pages { display: flex; gap: 1em; margin: 1em 0; }
        .facets h2 { font-size: 1em; margin: 1em 0 .25em; }
        .facets h2:first-child { margin-top: 0; }
        .filters a { display: inline-block; padding: .1em .6em; border: 1px solid var(--line); border-radius: 1em; text-decoration: none; }
        article h1 { font-size: 1.5em; line-height: 1.25; }
        @media (max-width: 48em) { article h1 { font-size: 1.3em; } }
        ul.facet { list-style: none; padding: 0; margin: 0; }
        ul.facet li { display: flex; justify-content: space-between; gap: .5em; }
        .count { color: var(--muted); font-variant-numeric: tabular-nums; }
        .bars { display: flex; gap: 1px; height: 5em; border-bottom: 1px solid var(--line); }
        .bars > * { flex: 1 1 0; min-width: 2px; max-width: 1.5em; display: flex; flex-direction: column; justify-content: flex-end; }
        .bars a { flex: 1 1 auto; display: flex; flex-direction: column; justify-content: flex-end; }
        .bars a:hover { background: color-mix(in srgb, var(--accent) 15%, transparent); }
        .bar { display: block; background: var(--accent); }
        .axis { display: flex; justify-content: space-between; margin: .25em 0 0; }
        article .text p { max-width: 40em; }
        \(barHeights)
        """

    /// `.h0` … `.h20`: a bar's height in twentieths of the tallest (a class, since the
    /// content security policy allows no inline style).
    static var barHeights: String {
        (0...20).map { ".h\($0) { height: \($0 == 0 ? "1px" : "\($0 * 5)%"); }" }.joined(separator: " ")
    }
}
