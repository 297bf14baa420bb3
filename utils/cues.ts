/**
 * Cue words and phrases for each of the article's eight reasons, in English
 * and Chinese, plus which reasons talk about which entity, a fallback per
 * entity, and the words of texts that are plainly about something else.
 * Data only; link.ts does the matching and scoring.
 *
 * Cues are listed under their weight: 3 = a phrase only this argument uses
 * ("official account", 朋友圈), 2 = a telling word ("followers", 物流),
 * 1 = a generic word that only tips a balance ("media", 关系).
 * English cues match case-insensitively on word boundaries; the last word
 * may take a plural or possessive ending ("accounts", "merchants'"); a word
 * ending in "*" matches any ending ("decentrali*" -> "decentralised",
 * "decentralization"); a space also matches a hyphen. A cue starting with
 * "=" is case-sensitive ("=Moments" is the feature, not "a few moments").
 * Chinese cues match as substrings.
 */
import type { ReasonNumber } from './types';

/** Cue texts under their weight. */
export type CueList = Readonly<Partial<Record<1 | 2 | 3, readonly string[]>>>;

export interface ReasonCues {
  en: CueList;
  zh: CueList;
}

export const REASON_CUES: Readonly<Record<ReasonNumber, ReasonCues>> = {
  // 1. Purchasing habits come first; WeChat lacks e-commerce DNA; Alibaba/Taobao had the first-mover advantage.
  1: {
    en: {
      3: [
        'purchasing habit',
        'shopping habit',
        'buying habit',
        'consumer habit',
        'spending habit',
        'habit',
        'congenital',
        'first mover',
        'first mover advantage',
        'C2C',
        'eBay',
        'EachNet',
        'DNA',
        'shopping destination',
        'mindshare',
        'top of mind',
        'comes to mind',
      ],
      2: [
        'innate',
        'head start',
        'gene',
        'shopping platform',
        'online shopping',
        'go-to',
        'marketplace',
        'online mall',
        'shopping festival',
        "Singles' Day",
        'Singles Day',
        'Double 11',
        'incumbent',
      ],
      1: [
        'default',
        'shopper',
        'buyer',
        'consumer',
        'market share',
        'gross merchandise',
        'GMV',
        'dominan*',
        'browse',
        'browsing',
        'shopping',
      ],
    },
    zh: {
      3: [
        '购物习惯',
        '购买习惯',
        '消费习惯',
        '网购习惯',
        '用户习惯',
        '习惯',
        '先发优势',
        '先入为主',
        '易趣',
        '基因',
        '心智',
        '第一时间想到',
      ],
      2: ['先天', '天生', '购物平台', '网购', '首选', '购物节', '双十一', '双11', '霸主'],
      1: ['想到', '消费者', '买家', '市场份额', '成交额', '龙头', '逛', '购物', '电商平台'],
    },
  },
  // 2. Official (public) accounts succeed as media; selling goods destroys their value.
  2: {
    en: {
      3: ['official account', 'public account', 'subscription account', 'self-media', 'we-media', 'advertorial'],
      2: [
        'content creator',
        'reader',
        'subscriber',
        'readership',
        'blogger',
        'KOL',
        'newsletter',
        'publisher',
        'editorial',
        'page views',
        'journalism',
      ],
      1: ['media', 'content', 'article', 'advertis*', 'advert', 'sponsored', 'publish*'],
    },
    zh: {
      3: ['公众号', '公众平台', '订阅号', '自媒体', '软文', '号主', '流量主'],
      2: ['推文', '读者', '阅读量', '10万+', '大V', '内容创业'],
      1: ['媒体', '内容', '文章', '广告', '编辑'],
    },
  },
  // 3. Service accounts gather followers, but few convert into buyers in a WeChat store.
  3: {
    en: {
      3: ['service account', 'conversion', 'conversion rate', 'Weidian'],
      2: [
        'convert*',
        'follower',
        'fan',
        'merchant',
        'storefront',
        'online store',
        'in-app store',
        'mini program',
        'mini-program',
        'funnel',
        'click-through',
        'actual purchases',
      ],
      1: ['store', 'shop', 'traffic', 'discount', 'coupon', 'checkout', 'retailer', 'brand', 'orders'],
    },
    zh: {
      3: ['服务号', '微信小店', '微信商城', '微店', '转化率'],
      2: ['小店', '开店', '小程序', '转化', '粉丝', '涨粉', '吸粉', '商家', '商户', '引流', '复购'],
      1: ['商城', '店铺', '关注', '流量', '优惠券', '折扣', '下单', '品牌'],
    },
  },
  // 4. Social life and commerce are separate; trading with friends makes friendships stiff.
  4: {
    en: {
      3: ['social tool', 'social circle'],
      2: [
        'social app',
        'social media',
        'social relationship',
        'social life',
        'acquaintance',
        'friendship',
        'stiff',
        'awkward',
        'uncomfortable',
        'mix* business',
        'mix* commerce',
        'separate*',
        'messaging app',
        'chat app',
        'keep in touch',
      ],
      1: [
        'social network*',
        'relationship',
        'friend',
        'messaging',
        'chatting',
        'personal',
        'trust',
        'family',
        'classmate',
        'colleague',
      ],
    },
    zh: {
      3: ['社交工具', '社交圈', '社交关系', '泾渭分明'],
      2: [
        '社交属性',
        '熟人',
        '友谊',
        '友情',
        '人情',
        '人际关系',
        '尴尬',
        '生硬',
        '变味',
        '分开',
        '即时通讯',
        '通讯工具',
      ],
      1: ['社交', '朋友', '关系', '聊天', '亲戚', '同学', '同事', '家人', '信任'],
    },
  },
  // 5. Commerce would destroy WeChat's social ecosystem and drive loyal users away.
  5: {
    en: {
      3: ['loyal user', 'drive users away', 'over-commerciali*', 'leave the app'],
      2: [
        'ecosystem',
        'ecolog*',
        'destroy*',
        'ruin*',
        'erode*',
        'undermin*',
        'user experience',
        'loyalty',
        'churn',
        'abandon*',
        'drive away',
        'backlash',
        'invad*',
        'intrusive',
        'clutter*',
        'commerciali*',
        'uninstall*',
      ],
      1: ['environment', 'damag*', 'annoy*', 'put off', 'quit'],
    },
    zh: {
      3: ['生态环境', '忠实用户', '用户流失', '过度商业化'],
      2: ['生态', '破坏', '毁掉', '毁了', '用户体验', '忠诚', '流失', '卸载', '商业化', '入侵', '打扰', '骚扰', '初心'],
      1: ['伤害', '体验', '离开', '反感', '纯粹', '干净'],
    },
  },
  // 6. Selling in Moments (the circle of friends) works while new, then dies in public view.
  6: {
    en: {
      3: [
        '=Moments',
        'circle of friends',
        'friends circle',
        "friends' circle",
        'daigou',
        'micro-business',
        'micro business',
        'micro-merchant',
        'microbusiness',
        'social selling',
        'selling to friends',
        'sell to friends',
        'sells to friends',
        'private traffic',
        'private domain',
      ],
      2: ['reseller', 'personal brand*', 'facial mask', 'unfriend*', 'pyramid', 'multi-level', 'spam*'],
      1: ['mask', 'block*', 'mute*', 'post*', 'feed', 'influencer', 'agent', 'selfie'],
    },
    zh: {
      3: ['朋友圈', '微商', '代购', '刷屏', '私域流量', '私域', '发圈'],
      2: ['屏蔽', '拉黑', '面膜', '晒单', '个人品牌', '卖货', '传销'],
      1: ['好友', '代理'],
    },
  },
  // 7. WeChat is too light for e-commerce: no big data, cloud computing or search; fit only for O2O and payment.
  7: {
    en: {
      3: [
        'big data',
        'cloud computing',
        'recommendation engine',
        'search engine',
        'Sogou',
        'Soso',
        'knowledge base',
        'mobile payment',
        'lightweight',
        'O2O',
        'precision marketing',
      ],
      2: [
        'cloud',
        'data center',
        'analytics',
        'algorithm*',
        'recommendation*',
        'search',
        'payment',
        'wallet',
        'QR code',
        'heavyweight',
        'overload*',
        'computing',
      ],
      1: [
        'data',
        'pay',
        'scan*',
        'offline',
        'server',
        'infrastructure',
        'targeting',
        'artificial intelligence',
        'AI',
        'technolog*',
      ],
    },
    zh: {
      3: [
        '大数据',
        '云计算',
        '阿里云',
        '腾讯云',
        '推荐算法',
        '推荐系统',
        '搜狗',
        '搜搜',
        '知识库',
        '移动支付',
        '轻量级',
        '轻应用',
        '不堪重负',
        '精准营销',
      ],
      2: ['云服务', '数据中心', '算法', '搜索', '支付', '付款', '钱包', '扫码', '二维码', '重量级', '承载', '算力'],
      1: ['数据', '推荐', '线下', '服务器', '技术', '人工智能'],
    },
  },
  // 8. E-commerce needs centralised operations, logistics and management; decentralised WeChat commerce has none.
  8: {
    en: {
      3: ['decentrali*', 'logistic*', 'supply chain', 'Cainiao', 'capital flow', 'information flow'],
      2: [
        'centrali*',
        'operation',
        'operating system',
        'warehous*',
        'fulfil*',
        'courier',
        'management',
        'after-sales',
        'customer service',
        'quality control',
        'counterfeit*',
        'oversight',
        'governance',
        'disput*',
        'return policy',
        'unified',
        'fragment*',
        'standardi*',
      ],
      1: [
        'deliver*',
        'shipping',
        'parcel',
        'manag*',
        'fake',
        'regulat*',
        'refund*',
        'returns',
        'rural',
        'village',
        'training',
        'organi*',
      ],
    },
    zh: {
      3: ['去中心化', '运营体系', '物流', '供应链', '菜鸟', '资金流'],
      2: [
        '中心化',
        '运营',
        '仓储',
        '仓库',
        '配送',
        '快递',
        '管理',
        '售后',
        '客服',
        '假货',
        '品控',
        '监管',
        '纠纷',
        '维权',
        '碎片化',
        '下乡',
      ],
      1: ['统一', '退货', '退款', '农村', '组织', '体系', '培训', '规范'],
    },
  },
};

/**
 * Words of texts plainly about something else, chiefly the folk tale "Ali Baba
 * and the Forty Thieves" (阿里巴巴与四十大盗), which Chinese text spells
 * exactly like the company.
 */
export const UNRELATED_CUES: ReasonCues = {
  en: {
    3: [
      'forty thieves',
      '40 thieves',
      'open sesame',
      'Arabian Nights',
      'Thousand and One Nights',
      'One Thousand and One Nights',
      'Scheherazade',
      'Morgiana',
      'Cassim',
    ],
    2: ['thieves', 'robber', 'folk tale', 'fairy tale', 'folktale', 'pantomime', 'bedtime story'],
    1: ['cave', 'treasure'],
  },
  zh: {
    3: ['四十大盗', '芝麻开门', '一千零一夜', '天方夜谭'],
    2: ['强盗', '大盗', '童话', '民间故事', '寓言', '睡前故事'],
    1: ['山洞', '宝藏'],
  },
};
