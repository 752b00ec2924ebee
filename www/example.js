// The article behind "Load example": a short, fictional wire-style news story with quotes and their
// speakers, dates of every TIMEX3 type, and people, organisations and places.

export const EXAMPLE_DATE = "2025-03-04";

export const EXAMPLE_TEXT = `Rotterdam dockworkers extend strike as talks with port employers stall

By Marieke Jansen

Dockworkers at the Port of Rotterdam will extend their strike until Friday, union leaders said on Tuesday, after a third round of talks with terminal operators ended without a deal and container ships began queuing in the North Sea.

The walkout, which began at 6 a.m. on March 1, has halted loading at four of the port’s largest terminals, according to the Port of Rotterdam Authority. About 40 vessels were waiting at anchor on Monday evening, nearly twice the usual number.

“We did not choose this fight, but we will not walk away from it,” said Niels Bakker, who leads the dockers’ section of the Havenbond union. “Our members have worked every weekend since the summer, and the companies have offered them less than inflation.”

Bakker told reporters outside the union’s offices in Schiedam that the strike would continue for at least three more days unless employers improved their offer of a 4.5 percent raise over two years. The union is asking for 8 percent and an end to mandatory night shifts, which it says now fall on dockers every second week.

The Port Employers’ Association said the demands were “simply unaffordable” at a time when Rotterdam is losing cargo to Antwerp and Hamburg. “Every day of this strike pushes customers to other ports, and some of them will not come back,” spokeswoman Sophie Verhoeven said in a statement.

Economy Minister Dirk Hoeven urged both sides to return to the table by Thursday. He said the government had no plans to intervene but was monitoring the supply of medicines and fresh food. “I expect them in one room, and I expect them to stay there until there is an agreement,” Hoeven told the broadcaster NOS on Monday night.

The dispute is the longest at the port since 2019, when a five-day stoppage cost shippers an estimated €50 million, according to Delta Bank economist Laura Meijer. She said the current action could shave 0.1 percentage point off Dutch economic growth in the first quarter if it lasted another week.

Nordline Shipping said it had diverted two vessels to Bremerhaven and warned clients of delays of up to ten days. A spokesman for the company, Lars Holm, said Nordline “respects the right to strike” but hoped for a quick settlement.

Union members will vote on the next steps at a meeting in Rotterdam on Wednesday evening.
`;
