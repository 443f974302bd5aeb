/**
 * Word lists the name rules lean on. Kept small and general: they describe English and
 * hospital usage, not any text in the labelled corpus.
 */

export function setOf(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/**
 * Common given names across the populations a US or UK hospital serves. A given name
 * followed by a capitalised word reads as a full name even without a cue ("Harold Jenkins –
 * chest pain" on a photographed board). Names that are also everyday words at the start of
 * a sentence (Will, Grace, Hope, May, Bill, Mark…) are left out on purpose.
 */
export const GIVEN_NAMES = setOf(`
  aaron abdul abdullah abigail abraham adam adrian agnes ahmed aidan aisha alan albert alberto
  alejandro alex alexander alexandra alfred ali alice alicia alison allison alma amanda amelia
  amir amy ana andre andrea andrew angela angelica anita ann anna anne annette anthony antonio
  arjun arnold arthur ashley audrey barbara beatrice becky benjamin bernard bertha betty beverly
  bobby bonnie brandon brenda brian brittany bruce bryan carl carla carlos carmen carol caroline
  carolyn catherine cecilia celia charles charlotte cheryl chloe chris christina christine
  christopher cindy claire clara clarence claude claudia clifford colin connie craig crystal
  cynthia daisy dale dan daniel danielle darnell darren david dawn deborah debra denise dennis
  derek desmond diana diane diego dolores dominic donald donna doris dorothy douglas dwayne
  earl eddie edgar edith edna eduardo edward edwin eileen elaine eleanor elena eli elijah
  elizabeth ella ellen eloise elsie emily emma enrique eric erica ernest esther ethel eugene
  evelyn fatima felix fernando florence frances francis francisco frank fred frederick gabriel
  gail gary george gerald geraldine gladys glen glenn gloria gordon graham gregory gustavo
  hannah harold harriet harry hassan hazel heather hector helen henry herbert howard hugh
  ian ibrahim imogen irene isaac isabel isabella ivan jack jacob james jamal jamie jane janet
  janice jasmine jason javier jean jeffrey jennifer jenny jeremy jerome jerry jesse jessica
  jill jim jimmy joan joanne joe joel john johnny jonathan jorge jose joseph josephine
  joshua joyce juan judith judy julia julian julie justin karen katherine kathleen kathryn
  kayla keith kelly kenneth kevin kimberly kyle larry laura lauren lawrence leah leon leonard
  leroy leslie lillian linda lisa lois lorraine louis louise lucas lucy luis luke lydia mabel
  madison maggie malik manuel marcus margaret marguerite maria marian marie marilyn mario
  marion marjorie marlene martha martin marvin mary matthew maureen maurice megan melissa
  michael michelle miguel mike mildred mohamed mohammed muhammad nancy naomi natalie nathan
  nicholas nicole noah norma norman olga oliver olivia omar oscar pablo pamela patricia patrick
  paul paula pedro peggy peter philip phyllis priya rachel rafael rahul ralph ramon randy raul
  raymond rebecca regina rhonda ricardo richard rita robert roberto robin rodney roger ronald
  rosa rosemary ross roy ruby russell ruth ryan sadie salvador samantha samuel sandra sanjay
  sara sarah scott sean sergio shannon sharon shauna sheila shirley sophia stanley stephanie
  stephen steven sunita susan sylvia tamara tammy tanya teresa terrence terry thelma theresa
  thomas timothy tina todd tommy tony tracy travis tyler tyrone valerie vanessa vera vernon
  veronica victor victoria vincent virginia walter wanda warren wayne wendy wesley william
  willie wilma yolanda yvonne zachary
  aiden jayden liam mason ethan logan elijah oliver jackson carter grayson wyatt owen levi
  sebastian mateo luca leo ezra hudson asher theo theodore isaiah jaxon nolan caleb brayden
  landon connor cameron dylan evan gavin colton xavier miles jace maxwell declan emmett silas
  axel rowan jonah ava mia harper abigail scarlett aria camila penelope layla riley zoey nora
  lily addison aubrey ellie stella zoe violet audrey bella skylar everly emilia maya aaliyah
  ariana gabriella madelyn cora adeline hailey gianna valentina isla eliana sadie piper alexa
  delilah arianna vivian kaylee sophie madeline freya maeve niamh siobhan aoife ciara saoirse
  cormac oisin ernesto rodrigo guadalupe esperanza consuelo marisol ximena valeria sofia jimena
  lucia martina renata paloma alvaro ignacio joaquin santiago emilio armando alfredo arturo
  benito cesar efrain gilberto horacio humberto jaime leonardo lorenzo marco mauricio octavio
  orlando ramiro reynaldo rogelio ruben teodoro tomas deshawn terrell marquis jalen keisha
  latoya tanisha imani kwame kofi kwabena akosua abena chidi chinedu emeka ngozi adaeze tunde
  segun funmilayo amara thandiwe anil amit deepak ravi rajesh ramesh suresh vijay deepa kavita
  lakshmi meena neha pooja shreya divya aarav rohan nikhil harpreet gurpreet manpreet jaspreet
  simran hussein karim khalid mahmoud mustafa yusuf youssef amina khadija leila mariam noor
  zainab yasmin salma ming hui xiao hiroshi takeshi yuki kenji akira haruto sakura minjun linh
  tuan dmitri sergei nikolai natasha svetlana tatiana katarzyna agnieszka piotr tomasz
  krzysztof edna myrtle gertrude lloyd floyd cecil wilbur elmer otis virgil percy archibald
  reginald cyril winifred irma opal velma petra cordelia edmund benedict ambrose horace
`);

/**
 * Capitalised words that cannot begin a person's name: sentence openers, pronouns, hospital
 * and clinical nouns, days and months. Compared in lower case.
 */
export const NOT_A_NAME = setOf(`
  a an the this that these those he she it they we i you his her their our my your its him
  them us me who whom whose what when where why how which and but or nor if so then than now
  also just still not no yes is was were are be been being has had have do did does will would
  can could should shall may might must all any some every each both either neither one two
  three four five six seven eight nine ten first second third last next new old good bad
  elderly today tonight tomorrow yesterday morning evening night day week month
  year monday tuesday wednesday thursday friday saturday sunday january february march april
  june july august september october november december patient patients pt pts client doctor
  doctors dr nurse nurses sister matron charge ward wards unit units bed beds bay bays room
  rooms floor icu ed er or hdu ccu nicu picu code team hospital clinic department dept
  safety experience portal advocate satisfaction care health services relations transport
  family families mr mrs ms miss mx dear hi hello hey thanks thank please sorry note notes
  update rip lol ok okay oh well here there happy merry christmas easter god jesus lord stable
  unstable alert awake asleep confused admitted discharged deceased npo dnr dnar full comfort
  hospice status post posted tweet video photo story reel thread see says said empty free
  closed blocked clean dirty isolation side reserved pending waiting awaiting husband wife son
  daughter mother father mom mum dad brother sister baby infant man woman lady gentleman guy
  boy girl kid child teen teenager male female unknown anonymous someone
  anyone everyone nobody somebody shout shoutout congrats congratulations welcome bless
  poor sweet lovely nice sad funny crazy frequent flyer flyers fyi via from to for with at in
  on by of off about after before during since until into onto out over under again
  reply replies comment comments caption story stories reporter author writer user poster
  dob mrn dos ssn nhs dob iv po prn bid tid qid stat npo ams sob cp abd gi uti copd chf cva
  tia mi pe dvt dka aki ckd htn dm hiv hcv bp hr rr gcs bmi ecg ekg ct mri cxr abg ivf temp
  tmax pulse sats spo2 weight wt height glucose
`);

/** Words after "Dr", "Nurse" and the like: the person is staff, not a patient. */
export const STAFF_TITLES = setOf(`
  dr doctor prof professor nurse matron consultant surgeon attending registrar fellow intern np pa rn cno cmo ceo director dean chief colleague colleagues judge senator
  rev reverend pastor paramedic midwife therapist pharmacist coach officer sergeant detective
  captain lieutenant
`);

/** Given name, then these capitalised words, is a place or a body, not a person. */
export const PLACE_WORDS = setOf(`
  street st avenue ave road rd boulevard blvd lane ln drive court place terrace way circle
  highway parkway close crescent square hospital hospitals clinic center centre medical
  university college school health healthcare ward wing building unit lecture theatre theater
  hall house tower pavilion institute foundation trust county city church chapel memorial
  park gardens village library station airport mall society award prize fellowship
  scholarship syndrome disease sign program programme fund league zoo museum stadium
`);

/** After these, a person is a relative or household member of the patient. */
export const RELATIONS = setOf(`
  mother father mum mom dad son daughter wife husband partner boyfriend girlfriend fiance
  fiancé fiancee fiancée brother sister grandson granddaughter grandmother grandfather grandma
  grandpa grandad granny aunt uncle niece nephew cousin stepson stepdaughter stepmother
  stepfather caregiver carer guardian roommate flatmate neighbor neighbour employer
`);
