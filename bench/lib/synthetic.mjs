/**
 * A synthetic stress page: about 5 MB of text in about 100k text nodes, with
 * thousands of mentions in English and Chinese, in a mix of block and inline
 * structure, plus content the engine must skip (script, style, textarea,
 * contenteditable, hidden). Deterministic: the same seed gives the same page.
 */

/** Small deterministic PRNG (mulberry32) so every run measures the same page. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_WORDS = (
  'the market platform mobile users growth store merchant payment social network traffic brand ' +
  'commerce retail logistics cloud search data account official service followers friends share ' +
  'group chat message video online shopping consumer price order delivery trust review seller ' +
  'buyer mall promotion campaign content creator advertising revenue quarter report analysts ' +
  'company strategy investors technology app launch feature update region city province export'
).split(' ');
// Latin words that contain an alias but must not match (word boundaries).
const EN_DECOYS = ['WeChatter', 'Alibabas', 'Taobaoist', 'preWeChat'];
const EN_MENTIONS = ['WeChat', "WeChat's", 'Weixin', 'WeChat Pay', 'Taobao', 'Taobao.com', 'Alibaba', 'Alibaba Group'];
const ZH_CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
const ZH_MENTIONS = ['微信', '微信支付', '淘宝', '淘宝网', '阿里巴巴', '阿里巴巴集团'];

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Build the page. Returns { html, textNodes, textChars, mentions } where
 * mentions counts the visible mentions we planted (an upper bound for what a
 * correct engine finds; decoys and skipped regions are not counted).
 */
export function syntheticPage({ seed = 42, targetNodes = 100_000, targetChars = 5_000_000, mentionEvery = 25 } = {}) {
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const perNode = Math.round(targetChars / targetNodes);
  let textNodes = 0;
  let textChars = 0;
  let mentions = 0;

  /** One run of text (one text node) of about perNode chars, maybe with a mention. */
  const enRun = (allowMention = true) => {
    const words = [];
    let len = 0;
    const want = perNode * (0.5 + rnd());
    while (len < want) {
      const w = rnd() < 0.004 ? pick(EN_DECOYS) : pick(EN_WORDS);
      words.push(w);
      len += w.length + 1;
    }
    if (allowMention && rnd() < 1 / mentionEvery) {
      words.splice(Math.floor(rnd() * words.length), 0, pick(EN_MENTIONS));
      mentions++;
    }
    const s = ` ${words.join(' ')} `;
    textNodes++;
    textChars += s.length;
    return escapeHtml(s);
  };
  const zhRun = (allowMention = true) => {
    let s = '';
    const want = (perNode * (0.5 + rnd())) / 1.5;
    while (s.length < want) s += rnd() < 0.08 ? '，' : ZH_CHARS[Math.floor(rnd() * ZH_CHARS.length)];
    if (allowMention && rnd() < 1 / mentionEvery) {
      const at = Math.floor(rnd() * s.length);
      s = s.slice(0, at) + pick(ZH_MENTIONS) + s.slice(at);
      mentions++;
    }
    s += '。';
    textNodes++;
    textChars += s.length;
    return s;
  };
  const run = (zh) => (zh ? zhRun() : enRun());
  const INLINE = ['a href="#x"', 'em', 'strong', 'span class="tag"', 'code', 'b', 'i'];

  /** A paragraph: text runs separated by inline elements (each inline holds one run). */
  const paragraph = (zh) => {
    const parts = [run(zh)];
    const n = 1 + Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) {
      const tag = pick(INLINE);
      const name = tag.split(' ')[0];
      parts.push(`<${tag}>${run(zh)}</${name}>`, run(zh));
    }
    return `<p>${parts.join('')}</p>`;
  };
  const list = (zh) => {
    const items = [];
    const n = 2 + Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) items.push(`<li>${run(zh)}</li>`);
    return `<ul>${items.join('')}</ul>`;
  };
  const table = (zh) => {
    const rows = [];
    for (let r = 0; r < 3; r++) rows.push(`<tr><td>${run(zh)}</td><td>${run(zh)}</td></tr>`);
    return `<table><tbody>${rows.join('')}</tbody></table>`;
  };
  /** Regions the engine must not touch: counted as text nodes, never as mentions. */
  const skipped = () => {
    textNodes += 4;
    const pay = `WeChat 微信 Taobao ${pick(EN_WORDS)}`;
    textChars += pay.length * 4;
    return (
      `<textarea>${pay}</textarea><div contenteditable="true">${pay}</div>` +
      `<script type="application/json">${JSON.stringify({ pay })}</script><noscript>${pay}</noscript>`
    );
  };

  const sections = [];
  let section = [];
  while (textNodes < targetNodes) {
    const zh = rnd() < 0.3;
    const kind = rnd();
    if (kind < 0.7) section.push(paragraph(zh));
    else if (kind < 0.85) section.push(list(zh));
    else if (kind < 0.95) section.push(table(zh));
    else if (kind < 0.98) section.push(`<blockquote>${paragraph(zh)}</blockquote>`);
    else section.push(skipped());
    if (section.length >= 40) {
      const zhTitle = rnd() < 0.3;
      sections.push(`<section><h2>${run(zhTitle)}</h2>${section.join('\n')}</section>`);
      section = [];
    }
  }
  if (section.length) sections.push(`<section>${section.join('\n')}</section>`);

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Synthetic stress page</title>
<style>body{font:16px/1.5 sans-serif;max-width:60rem;margin:auto}td{border:1px solid #ccc}.tag{color:#555}</style>
</head><body><main>
${sections.join('\n')}
</main></body></html>`;
  return { html, textNodes, textChars, mentions };
}

/** Paragraphs for the infinite-scroll run: batch i of n paragraphs, each with at least one mention. */
export function feedParagraphs(seed, count) {
  const rnd = prng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const zh = i % 3 === 2;
    if (zh) {
      let s = '';
      while (s.length < 60) s += ZH_CHARS[Math.floor(rnd() * ZH_CHARS.length)];
      out.push(`${s.slice(0, 30)}${ZH_MENTIONS[i % ZH_MENTIONS.length]}${s.slice(30)}。`);
    } else {
      const words = [];
      for (let w = 0; w < 40; w++) words.push(EN_WORDS[Math.floor(rnd() * EN_WORDS.length)]);
      words.splice(20, 0, EN_MENTIONS[i % EN_MENTIONS.length]);
      out.push(`${words.join(' ')}.`);
    }
  }
  return out;
}
