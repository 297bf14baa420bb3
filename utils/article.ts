/**
 * The article as typed data, taken from shared/seed (the article only: it ends
 * at "castle in the air"; the author bio and "Recommend" links are page chrome).
 * Summaries are ours. Cue words for linking live in utils/cues.ts.
 */
import type { ReasonNumber } from './types';

export interface Reason {
  n: ReasonNumber;
  title: string;
  /** One line in our own words. */
  summary: string;
  paragraphs: string[];
}

export const ARTICLE_TITLE = 'Eight reasons why WeChat e-commerce doesn’t work';

export const REASONS: readonly Reason[] = [
  {
    n: 1,
    title: 'User purchasing habits come first, and WeChat lacks DNA',
    summary:
      'Shoppers think of Taobao and Tmall when they buy and of WeChat when they chat; WeChat has no shopping habit to build on.',
    paragraphs: [
      "Alibaba is an e-commerce company with a first-mover advantage. A few years ago, Taobao not only defeated eBay with a differentiation strategy, but also gradually occupied the leading position in the domestic C2C market with its keen market sense and foresight of the industry. Alibaba's e-commerce has been fixed in people's minds. When it comes to shopping, the first thing that comes to mind is Taobao and Tmall. When it comes to social networking, the first thing that comes to mind is QQ and WeChat. This psychological stereotype is difficult to change and has become a habit. This is the general purchasing habit of Chinese Internet users, and the more detailed one is the habit of purchasing outlets. This is directional. Alibaba is the symbol of e-commerce.",
      "However, WeChat does not have the characteristics of e-commerce. WeChat and QQ are exactly the same, but WeChat's functions and experience are innovative in many aspects, which is more reflected in the visual experience of social interaction, ease of use and positioning of social circles. WeChat itself is not an e-commerce platform, and has not formed a user purchasing habit. This is a congenital deficiency. As the saying goes, habit becomes nature, and natural shopping habits and a newly grown social tool will not have much to do with each other. For users, purchasing habits are often the primary factor in determining purchasing behavior, and WeChat is naturally lacking in DNA in terms of purchasing habits.",
    ],
  },
  {
    n: 2,
    title: 'There is a huge gap between public account media and e-commerce',
    summary: 'Official accounts succeed as media, but once they sell goods the value they offer readers disappears.',
    paragraphs: [
      "Official accounts are a media platform that carries the mission of WeChat as a media. Due to its low threshold and compliance with the needs of WeChat social networking, it has spread wildly and its development is indeed an unprecedented change for the new media industry. Based on the needs of WeChat's huge number of users, official account media has gone with the flow and achieved success overnight, so there is no doubt that WeChat, which has a strong social nature, is successful in its role as a media.",
      'However, public accounts need to think carefully before engaging in e-commerce. Public accounts can bring valuable information to users and even make users dependent on public accounts. However, once the information contains goods and users want to trade with them, based on human nature, the value that the public account can provide will even disappear. Because in social tools, media is a necessity for social interaction and can provide useful information for social interaction, but this is not the case with purchasing goods. After the media meets the needs of users, user behavior has reached saturation at this time. It seems that there are traces for media to carry out e-commerce, but in fact it is sailing against the current. The most that the media can do is to promote the brand and insert advertisements in it, and the media itself can only complete the mission of the media. Especially in the fragmented mobile Internet era, e-commerce needs an industry vertical platform to complete.',
    ],
  },
  {
    n: 3,
    title: 'The conversion rate from service account to WeChat store is very small',
    summary: 'Service accounts can gather followers, but few of them ever turn into buyers in a WeChat store.',
    paragraphs: [
      "The prerequisite for conversion is a huge number of users who make purchases. For merchants, there are two difficult problems to solve: one is to increase the number of users through the service account; the other is to get users to make purchases. For a newly applied service account, this service account is used to attract traffic to WeChat stores and generate purchases. For general merchants, the first thing that comes to mind is to make this service account a vertical media, and users will naturally come. From the previous point of view, it is almost impossible for media to carry e-commerce. Some merchants also tell users to follow the official account from another platform and give them a discount, so the fans of the official account will mushroom. However, the merchant only uses the price difference method to transfer the user's purchasing behavior. In fact, it has no special meaning for the merchant and has little impact on WeChat stores.",
      'Therefore, it is easy to increase the number of users for service accounts, but getting users to make purchases is still a big problem for merchants and WeChat stores. Some people say that if they are accurate users, they will make purchases, but accurate users also need to form purchasing habits, and merchants cannot observe the purchasing habits of these users one by one. Shopping habits are difficult for WeChat stores to cultivate.',
    ],
  },
  {
    n: 4,
    title: 'Social media and e-commerce are clearly separated',
    summary:
      'Social circles and trading circles are separate worlds: bring transactions into friendship and the friendship stiffens.',
    paragraphs: [
      'WeChat is a social tool, and the main function of social interaction is still social interaction. A pure social circle cannot accommodate the existence of e-commerce transactions. WeChat itself provides a natural social environment for a circle of acquaintances, and can also establish social relationships with friends in any region. This is an unprecedented social tool. WeChat, which is based on geographical location, makes interactions between people magical and subtle.',
      'However, once transactions are conducted between people in communication, the relationship established through WeChat will become stiff and even unfamiliar, and WeChat will lose its social significance and original value. Therefore, there is no e-commerce in social circles, and transactions in e-commerce circles can only occur in e-commerce circles. If a social tool is used for e-commerce, its fate will be extremely tragic. The social environment is a clean and friendly environment, while e-commerce is the opposite, a place for commercial and interest exchange. There is an essential difference between the two, so social and e-commerce are close yet far apart, and "clearly distinguished".',
    ],
  },
  {
    n: 5,
    title: 'E-commerce will inevitably destroy the ecological environment of WeChat',
    summary: "WeChat's value is a warm social ecosystem; commerce would invade it and drive loyal users away.",
    paragraphs: [
      "WeChat is a natural social environment. It has quickly taken the top spot in mobile Internet based on good emotional experience. \"It is hard to give up one's natural beauty\". Whether it is the design of innovative functions such as Moments, public accounts, shake, scan, and people nearby, or WeChat's good UI design and simplicity and ease of use, they are all born for social interaction. WeChat's ecological environment is a natural environment that carries an indispensable relationship between acquaintances and acquaintances, and acquaintances and strangers in the era of mobile Internet. This relationship is extremely subtle and warm. WeChat has quietly changed social interaction and cultivated this kind of emotional relationship between users. Good social interaction should also be a relationship that does not generate transactions.",
      "Therefore, WeChat's ecological environment itself exists only for social interaction. Its functions and value are realized in social interaction. Once e-commerce invades WeChat, it will inevitably destroy WeChat's original social ecological environment. Once e-commerce behavior occurs in WeChat, the relationship between users will change, and users will lose their dependence on WeChat. WeChat will inevitably lose a large number of loyal users. Whether it is a circle of friends social network or a public account media, users will reduce their use of WeChat due to commercial behavior, so e-commerce will inevitably destroy WeChat's social ecological environment.",
    ],
  },
  {
    n: 6,
    title: 'E-commerce in WeChat Moments will die in the public eye due to its private environment',
    summary:
      "Selling in Moments (the circle of friends) works only while it is new, then wears out friends' patience and dies in public view.",
    paragraphs: [
      "The most successful e-commerce in the circle of friends started when WeChat was just emerging. A girl in Thailand who sold Buddha amulets had a monthly turnover of over one million, creating the myth of e-commerce in the circle of friends. There are two reasons for her success: facing new things, first impression. WeChat's new uses and good emotional experience have accumulated some users, and this girl was the first to start e-commerce in the circle of friends. This is a favorable factor due to the user's pursuit of new things and her own ignorance of e-commerce in the circle of friends.",
      'Another reason is that the media followed suit. E-commerce in the circle of friends is indeed a new thing. The media will naturally not miss such good news, which has contributed to the crazy growth of e-commerce in the circle of friends. Then, with the popularity of e-commerce in the circle of friends, the original social ecological circle has been truly destroyed. It is obvious to all that WeChat is positioned as a private social interaction between acquaintances. E-commerce in the circle of friends will definitely die in such a circle. The relationship in the circle of friends based on emotions cannot tolerate the occurrence of trading behaviors. The sentence I heard most often is that my best friend once sold facial masks in the circle of friends. I was really embarrassed but had to completely block her. That was what I hated the most. Therefore, e-commerce in the circle of friends will change the social relationship between people in the circle of friends, and then react to the value of the original intention of the circle of friends. Some people say that the e-commerce in the circle of friends of big shots who have done a good job in personal branding is booming, but after a while, you will find that his personal brand is depreciating with the proliferation of e-commerce, and his e-commerce circle is still his circle.',
    ],
  },
  {
    n: 7,
    title: 'WeChat cannot bear the weight of e-commerce',
    summary:
      'Real e-commerce rests on big data, cloud computing and search, which a lightweight chat app and Tencent lack.',
    paragraphs: [
      'In fact, WeChat cannot bear the "weight" of e-commerce. It can still work with a circle of friends, a public account, and a scan-and-go O2O function. In fact, search cannot become a big thing either, because knowledge base and big data are WeChat\'s weaknesses. WeChat search is only a closed-loop search. The genes of Sogou and Soso cannot satisfy WeChat\'s dominance in mobile search. E-commerce is even more needless to say. The important thing is that e-commerce still needs big data and cloud computing as a strong support. As a social software company, Tencent obviously lacks the ecological environment of big data and cloud computing.',
      'WeChat itself is a lightweight APP. Although it has the basic functions of e-commerce, carriers, payment, and scenarios can be gradually cultivated, it is only suitable for O2O. E-commerce is a "heavyweight" cake. Big data provides e-commerce with a large amount of effective and analyzable data market, and conducts e-commerce precision marketing. Cloud computing can process massive data at low cost and provide super convenience for e-commerce. Big data and cloud computing are the weight of life that WeChat cannot bear. WeChat cannot bear the weight of e-commerce because WeChat is already too "heavy" and seriously overloaded.',
    ],
  },
  {
    n: 8,
    title: 'WeChat e-commerce lacks a thorough operating system and is doomed to fail',
    summary:
      'E-commerce needs central operations, logistics and management; decentralised WeChat commerce has none and is doomed.',
    paragraphs: [
      'Some commentators have analyzed that traditional e-commerce is centralized, while WeChat wants to decentralize. In fact, I think it is precisely WeChat e-commerce that will not succeed in decentralizing in the fragmented mobile Internet era. When information, traffic, e-commerce and other things lack unified operation and management due to fragmentation, it is also a problem that these Internet giants need to solve in the mobile era. In the social economy that exists in the form of WeChat groups in WeChat, people often mention decentralization, or say that everyone is the center, which is essentially non-existent because organization is more conducive to success. The center must exist, and the more meticulous and regular it is, the easier it is to manage and implement. A team without constraints is difficult to manage in a unified manner.',
      "Back to e-commerce, operation is its crucial central link. Alibaba is good at strategy and understanding the overall situation, while Tencent is mostly known for its products. Alibaba's information flow, capital flow and logistics system provide a large operating environment for Alibaba's e-commerce. Alibaba Academy's training of e-commerce talents has promoted the popularization of e-commerce to a certain extent. Alibaba is vigorously popularizing it from cities to towns and villages, and unifying \"centralization\". For WeChat, e-commerce is a new thing, lacking an ecological environment, and even more lacking unified management and operation. In the era of fragmentation, decentralization is inevitable. E-commerce is a big bottleneck. A concentrated vertical market is easier to manage and operate. If Alibaba's e-commerce is a large department store market, WeChat's e-commerce is more like a small vendor in the streets and alleys. Therefore, it is difficult for WeChat e-commerce to succeed.",
    ],
  },
];

/** The closing paragraph after reason 8. */
export const CLOSING =
  'Therefore, WeChat e-commerce will not work. People often say that Tencent does not have e-commerce genes because Tencent has not laid the basic foundation for e-commerce. WeChat e-commerce can be best described as a "castle in the air".';

export function reasonByNumber(n: ReasonNumber): Reason {
  // REASONS is ordered 1..8, so the index is n - 1.
  return REASONS[n - 1] as Reason;
}

export const REASON_NUMBERS: readonly ReasonNumber[] = [1, 2, 3, 4, 5, 6, 7, 8];
