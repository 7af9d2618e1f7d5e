// Fonts for every script the stations speak, bundled so they work offline. Each @font-face
// carries a unicode-range, so a station downloads (from its precache) only the scripts it shows.
// Chinese is a subset made at build time from the strings actually used (src/build/cjk-font.ts).
// The combined files carry a unicode-range per subset; single-subset files do not, and two faces of
// one family without ranges would shadow each other.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-nastaliq-urdu/400.css';
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-bengali/400.css';
import '@fontsource/noto-sans-gurmukhi/400.css';
import 'virtual:percorso-zh-font.css';
