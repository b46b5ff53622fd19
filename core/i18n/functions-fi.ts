// Finnish descriptions of the KPI functions and their parameters: the sidebar's reference and Finnish Excel's formula help.
// Function and parameter names stay English in every language, so workbooks work in any Excel.

/** One function's Finnish help: its description and each parameter's, by the parameter's name. */
export interface FinnishFunctionText {
  description: string;
  params: Record<string, string>;
}

const TOTAL_LEADS = 'Jakson aikana saatujen liidien määrä.';
const SENT = 'Kampanjassa lähetettyjen (perille menneiden) sähköpostien määrä.';
const CUSTOMERS_START = 'Asiakkaiden määrä jakson alussa.';
const REVENUE_OF_EFFORT = 'Myyntipanostuksen jaksolla tuoma liikevaihto.';
const COST_OF_EFFORT =
  'Myyntipanostuksen kokonaiskustannus jaksolla: palkkiot, provisiot ja johtaminen.';
const GROSS_MARGIN_ON_REVENUE =
  'Liikevaihdon myyntikate, esim. 40 % tai 0,4; tyhjänä lasketaan koko liikevaihto.';
const COST_SAVINGS =
  'Panostuksen ansiosta vältetyt kustannukset, esim. omaa myyntihenkilöstöä ei enää tarvita; negatiivinen, jos kustannukset kasvoivat muualla.';
const CAC_INPUT =
  'Asiakashankinnan kustannus: myynnin ja markkinoinnin kustannus uutta asiakasta kohden.';

/** Every registry function's Finnish texts, by function name (tests check none is missing). */
export const FUNCTION_TEXTS_FI: Readonly<Record<string, FinnishFunctionText>> = {
  LEAD_CONVERSION: {
    description: 'Osuus liideistä, jotka muuttuivat asiakkaiksi tai myyntimahdollisuuksiksi.',
    params: {
      converted: 'Asiakkaiksi tai myyntimahdollisuuksiksi muuttuneiden liidien määrä.',
      total_leads: TOTAL_LEADS,
    },
  },
  LEAD_RESPONSE_RATE: {
    description: 'Osuus liideistä, joihin vastattiin (tai jotka vastasivat).',
    params: {
      responded: 'Niiden liidien määrä, joihin vastattiin.',
      total_leads: TOTAL_LEADS,
    },
  },
  CUSTOMER_ACQUISITION_RATE: {
    description: 'Osuus liideistä, joista tuli uusia asiakkaita.',
    params: {
      new_customers: 'Liideistä saatujen uusien asiakkaiden määrä.',
      total_leads: TOTAL_LEADS,
    },
  },
  DEAL_CLOSURE_RATE: {
    description: 'Osuus myyntiputken kaupoista, jotka saatiin päätökseen.',
    params: {
      deals_closed: 'Päätettyjen (voitettujen) kauppojen määrä.',
      deals_in_pipeline: 'Myyntiputkessa olevien kauppojen määrä.',
    },
  },
  STAGE_CONVERSION: {
    description:
      'Osuus myyntisuppilon vaiheesta, joka eteni seuraavaan vaiheeseen (esim. tapaamisista kaupoiksi).',
    params: {
      next_stage: 'Seuraavaan vaiheeseen edenneiden määrä.',
      this_stage: 'Tässä vaiheessa olevien määrä.',
    },
  },
  OPEN_RATE: {
    description: 'Osuus lähetetyistä sähköposteista, jotka avattiin.',
    params: { opened: 'Avattujen sähköpostien määrä.', sent: SENT },
  },
  CLICK_THROUGH_RATE: {
    description: 'Osuus lähetetyistä sähköposteista, joiden linkkiä klikattiin.',
    params: { clicked: 'Sähköpostien määrä, joiden linkkiä klikattiin.', sent: SENT },
  },
  RESPONSE_RATE: {
    description: 'Osuus lähetetyistä sähköposteista, joihin vastattiin.',
    params: { responses: 'Saatujen vastausten määrä.', sent: SENT },
  },
  SALES_CYCLE_LENGTH: {
    description: 'Kaupan päättämiseen keskimäärin kuluvien päivien määrä.',
    params: {
      total_days: 'Jakson kaikkien kauppojen päättämiseen kuluneet päivät yhteenlaskettuina.',
      deals_closed: 'Jaksolla päätettyjen kauppojen määrä.',
    },
  },
  AVG_SALES_CYCLE: {
    description:
      'Keskimääräinen päivien määrä kaupan avaamisesta sen päättämiseen, laskettuna kauppojen luettelosta.',
    params: {
      open_dates:
        'Alue, jossa on kunkin kaupan avauspäivä (ensimmäinen yhteydenotto tai liidin päivä).',
      close_dates:
        'Alue, jossa on kunkin kaupan päättämispäivä, samankokoinen kuin open_dates; rivit, joilta puuttuu jompikumpi päivä, ohitetaan.',
    },
  },
  ACTIVITIES_PER_OUTCOME: {
    description:
      'Yhtä tulosta kohden tarvittavien myyntitoimenpiteiden määrä (esim. puheluita varattua tapaamista kohden).',
    params: {
      activities:
        'Tehtyjen toimenpiteiden määrä: soitetut puhelut, lähetetyt sähköpostit, seurantayhteydenotot.',
      outcomes: 'Niiden tuottamien tulosten määrä: sovitut tapaamiset, kaupat, vastaukset.',
    },
  },
  CSAT: {
    description: 'Asiakastyytyväisyys: tyytyväisten osuus kyselyn vastauksista.',
    params: {
      satisfied: 'Tyytyväisten vastausten määrä (esim. 4 tai 5 asteikolla 1–5).',
      responses: 'Kyselyn vastausten kokonaismäärä.',
    },
  },
  NPS: {
    description:
      'Net Promoter Score väliltä −100…100: suosittelijoiden (9–10) prosenttiosuus miinus arvostelijoiden (0–6) prosenttiosuus.',
    params: {
      scores:
        'Alue, jossa on vastaukset kysymykseen ”Kuinka todennäköisesti suosittelisit meitä?”; tyhjät solut ohitetaan.',
    },
  },
  CLV: {
    description:
      'Asiakkaan elinkaariarvo: mitä yksi asiakas on arvoltaan koko asiakkuuden ajalta, halutessa katteena ja diskontattuna.',
    params: {
      avg_purchase_value: 'Yhden oston (tilauksen tai laskun) keskimääräinen arvo.',
      purchases_per_year: 'Asiakkaan ostojen keskimääräinen määrä vuodessa.',
      lifespan_years: 'Asiakkuuden keskimääräinen kesto vuosina.',
      gross_margin: 'Ostojen myyntikate, esim. 60 %; tyhjänä arvo lasketaan liikevaihdosta.',
      discount_rate:
        'Tulevien vuosien vuotuinen diskonttokorko, esim. 10 %; tyhjänä ei diskontata.',
    },
  },
  RETENTION_RATE: {
    description: 'Osuus jakson alun asiakkaista, jotka olivat yhä asiakkaita jakson lopussa.',
    params: {
      customers_start: CUSTOMERS_START,
      customers_end: 'Asiakkaiden määrä jakson lopussa, uudet asiakkaat mukaan lukien.',
      new_customers: 'Jakson aikana saatujen uusien asiakkaiden määrä.',
    },
  },
  CHURN_RATE: {
    description: 'Osuus jakson alun asiakkaista, jotka menetettiin jakson aikana.',
    params: {
      customers_lost:
        'Jaksolla menetettyjen (irtisanottujen tai uusimatta jääneiden) asiakkaiden määrä.',
      customers_start: CUSTOMERS_START,
    },
  },
  REPEAT_PURCHASE_RATE: {
    description: 'Osuus asiakkaista, jotka ostivat useammin kuin kerran.',
    params: {
      repeat_customers: 'Niiden asiakkaiden määrä, joilla on kaksi tai useampia ostoja.',
      total_customers: 'Asiakkaiden kokonaismäärä.',
    },
  },
  RENEWAL_RATE: {
    description: 'Osuus uusittaviksi tulleista sopimuksista, jotka uusittiin.',
    params: {
      renewed: 'Uusittujen sopimusten määrä.',
      up_for_renewal: 'Uusittaviksi tulleiden sopimusten määrä.',
    },
  },
  SALES_ROI: {
    description:
      'Myyntipanostuksen tuotto: (liikevaihto × myyntikate + kustannussäästöt − kustannus) / kustannus.',
    params: {
      revenue: REVENUE_OF_EFFORT,
      cost: COST_OF_EFFORT,
      gross_margin: GROSS_MARGIN_ON_REVENUE,
      cost_savings: COST_SAVINGS,
    },
  },
  SALES_PROFIT: {
    description:
      'Myyntipanostuksen nettotulos: liikevaihto × myyntikate + kustannussäästöt − kustannus (voi olla negatiivinen).',
    params: {
      revenue: REVENUE_OF_EFFORT,
      cost: COST_OF_EFFORT,
      gross_margin: GROSS_MARGIN_ON_REVENUE,
      cost_savings: COST_SAVINGS,
    },
  },
  BREAKEVEN_REVENUE: {
    description: 'Liikevaihto, jolla myyntikate kattaa kustannuksen: kustannus / myyntikate.',
    params: {
      cost: 'Katettava kustannus, esim. jakson ulkoistamispalkkiot.',
      gross_margin: GROSS_MARGIN_ON_REVENUE,
    },
  },
  CAC: {
    description:
      'Asiakashankinnan kustannus: myynnin ja markkinoinnin kustannus yhtä uutta asiakasta kohden.',
    params: {
      sales_and_marketing_cost:
        'Jakson myynnin ja markkinoinnin kokonaiskustannus ulkoistamispalkkiot mukaan lukien.',
      new_customers: 'Samalla jaksolla saatujen uusien asiakkaiden määrä.',
    },
  },
  LTV_CAC_RATIO: {
    description:
      'Asiakkaan elinkaariarvo suhteessa asiakashankinnan kustannukseen (vähintään 3 on terve).',
    params: {
      clv: 'Asiakkaan elinkaariarvo (asiakkaan tuottama myyntikate koko asiakkuuden ajalta).',
      cac: CAC_INPUT,
    },
  },
  CAC_PAYBACK_MONTHS: {
    description:
      'Kuinka monen kuukauden myyntikate asiakkaalta tarvitaan sen hankintakustannuksen kattamiseen.',
    params: {
      cac: CAC_INPUT,
      monthly_revenue_per_customer: 'Yhden asiakkaan keskimääräinen liikevaihto kuukaudessa.',
      gross_margin: GROSS_MARGIN_ON_REVENUE,
    },
  },
  COST_OF_SALES: {
    description: 'Myynnin kustannus osuutena sen tuomasta liikevaihdosta.',
    params: {
      sales_cost: 'Jakson myynnin kokonaiskustannus (henkilöstö, palkkiot, provisiot, työkalut).',
      revenue: 'Saman jakson liikevaihto.',
    },
  },
  COST_PER_LEAD: {
    description: 'Yhden liidin hankkimisen kustannus.',
    params: {
      cost: 'Jakson liidien hankinnan kustannus (palkkiot, kampanjat, työkalut).',
      leads: 'Samalla jaksolla hankittujen liidien määrä.',
    },
  },
  COST_PER_APPOINTMENT: {
    description: 'Yhden myyntitapaamisen sopimisen kustannus.',
    params: {
      cost: 'Jakson tapaamisten sopimisen kustannus (palkkiot, soittoaika, työkalut).',
      appointments: 'Samalla jaksolla sovittujen tapaamisten määrä.',
    },
  },
  COST_REDUCTION: {
    description: 'Osuus, jonka verran kustannus laski (negatiivinen, kun se nousi).',
    params: {
      cost_before: 'Kustannus ennen muutosta.',
      cost_after: 'Kustannus muutoksen jälkeen.',
    },
  },
  OUTSOURCING_COST: {
    description:
      'Ulkoistetun myyntisopimuksen kustannus: kiinteä maksu + tapaamispalkkio × tapaamiset + provisio liikevaihdosta.',
    params: {
      retainer: 'Jakson kiinteä maksu (0 pelkkään tulokseen perustuvassa sopimuksessa).',
      fee_per_appointment: 'Jokaisesta sovitusta tapaamisesta maksettava palkkio.',
      appointments: 'Jaksolla sovittujen tapaamisten määrä.',
      commission_rate: 'Provisio liikevaihdosta, esim. 10 % tai 0,1.',
      revenue: 'Liikevaihto, josta provisio maksetaan.',
    },
  },
  GOAL_ATTAINMENT: {
    description: 'Saavutettu osuus tavoitteesta: toteutunut tulos jaettuna tavoitteella.',
    params: {
      actual:
        'Jakson toteutunut tulos (myynti, kaupat tai mikä tahansa mittari); voi olla negatiivinen.',
      goal: 'Saman mittarin ja jakson tavoite; ei voi olla negatiivinen.',
    },
  },
  GROWTH_RATE: {
    description: 'Muutos edellisestä jaksosta osuutena edellisen jakson arvosta.',
    params: {
      current: 'Kuluvan jakson arvo (esim. tämän vuoden myynti); voi olla negatiivinen.',
      prior: 'Edellisen jakson arvo, johon verrataan; ei voi olla negatiivinen.',
    },
  },
  CAGR: {
    description: 'Keskimääräinen vuotuinen kasvuvauhti alkuarvon ja loppuarvon välillä.',
    params: {
      begin_value: 'Arvo alussa (esim. ensimmäisen vuoden liikevaihto).',
      end_value: 'Arvo jakson lopussa.',
      years: 'Vuosien määrä arvojen välillä; vuoden osat sallitaan.',
    },
  },
  MARKET_SHARE: {
    description: 'Yrityksen osuus koko markkinan myynnistä.',
    params: {
      company_sales: 'Yrityksen myynti markkinalla jakson aikana.',
      market_sales: 'Kaikkien yritysten yhteenlaskettu myynti samalla markkinalla ja jaksolla.',
    },
  },
  PIPELINE_COVERAGE: {
    description: 'Kuinka moninkertaisesti avoin myyntiputki kattaa myyntikiintiön.',
    params: {
      pipeline_value: 'Myyntiputken avointen myyntimahdollisuuksien yhteisarvo.',
      quota: 'Saman jakson myyntikiintiö (tavoite).',
    },
  },
  AVG_DEAL_SIZE: {
    description: 'Keskimääräinen liikevaihto päätettyä kauppaa kohden.',
    params: {
      revenue: 'Päätettyjen kauppojen liikevaihto.',
      deals: 'Päätettyjen kauppojen määrä.',
    },
  },
  SALES_VELOCITY: {
    description: 'Liikevaihto, jonka myyntiputken odotetaan tuottavan päivässä.',
    params: {
      opportunities: 'Avointen, kvalifioitujen myyntimahdollisuuksien määrä.',
      win_rate: 'Voitettavien myyntimahdollisuuksien osuus, esim. 20 %.',
      avg_deal_size: 'Voitetun kaupan keskimääräinen liikevaihto.',
      cycle_days: 'Myyntisyklin keskimääräinen pituus päivinä.',
    },
  },
  ACV: {
    description: 'Vuotuinen sopimusarvo: sopimuksen kokonaisarvo sopimuskauden vuotta kohden.',
    params: {
      total_contract_value: 'Sopimuksen kokonaisarvo koko sopimuskaudelta.',
      contract_years: 'Sopimuksen pituus vuosina; vuoden osat sallitaan.',
    },
  },
  TURNOVER_RATE: {
    description:
      'Osuus keskimääräisestä henkilöstömäärästä, joka lähti jakson aikana; voi ylittää 100 %.',
    params: {
      departures: 'Jakson aikana lähteneiden henkilöiden (esim. myyjien) määrä.',
      avg_headcount: 'Jakson keskimääräinen henkilöstömäärä.',
    },
  },
  INCENTIVE_PAY: {
    description:
      'Kannustinpalkkio henkilön ja tiimin tavoitteiden saavuttamisesta, painotettuna henkilön omaan tulokseen.',
    params: {
      target_pay: 'Kannustinpalkkio, kun tavoite saavutetaan täsmälleen (100 %).',
      individual_attainment: 'Henkilön oman tavoitteen saavutusaste, esim. 120 %.',
      team_attainment: 'Tiimin tavoitteen saavutusaste, esim. 90 %.',
      individual_weight: 'Henkilön oman saavutusasteen painoarvo; tiimin osuus on loput.',
    },
  },
  VENDOR_SCORE: {
    description:
      'Toimittajan painotettu keskiarvopistemäärä arviointikysymyksistä; painoarvot millä tahansa asteikolla.',
    params: {
      scores: 'Toimittajan pisteet kustakin kysymyksestä (esim. 1–5); tyhjät ohitetaan.',
      weights:
        'Kunkin kysymyksen tärkeys millä tahansa asteikolla (1–5, prosentit, 0,5…): vain painoarvojen suhteilla on merkitystä. Samankokoinen alue kuin pisteillä; tyhjät ohitetaan.',
    },
  },
  KPI_STATUS: {
    description:
      'KPI:n liikennevalotila suhteessa tavoitteeseen. Palauttaa kaikilla kielillä saman tunnisteen: On track (tavoitteessa), At risk (vaarassa) tai Off track (jäljessä).',
    params: {
      actual: 'KPI:n nykyinen arvo; voi olla negatiivinen.',
      target: 'KPI:n tavoitearvo; ei voi olla negatiivinen.',
      higher_is_better:
        'TOSI (TRUE), kun suurempi arvo on parempi (myynti); EPÄTOSI (FALSE), kun pienempi on parempi (kustannukset, päivät).',
      tolerance: 'Kuinka paljon tavoitteesta voi jäädä niin, että tila on vielä At risk.',
    },
  },
};
